package hk.post.ecert.counter.domain.model.glance;

import hk.post.ecert.counter.domain.model.terminal.DeviceHistory;
import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.journal.JournalEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 33: the office at a glance is folded from the journal and the device history, to the cent and the minute. */
class OfficeGlanceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, java.time.LocalTime.of(hour, minute)).atZone(TillSession.HONG_KONG).toInstant();
    }

    private static JournalEntry sale(long seq, Instant at, String item, String type, long cents, String tender) {
        String payload = "{\"till\":\"T1\",\"clerk\":\"clerk1\",\"change\":0,\"lines\":[{\"case\":\"C" + seq + "\",\"item\":\"" + item
                + "\",\"type\":\"" + type + "\",\"cents\":" + cents + "}],\"tenders\":[{\"kind\":\"" + tender + "\",\"cents\":" + cents + "}]}";
        return new JournalEntry("GPO-C01", seq, at, "SALE", cents, "clerk1", payload, "", "");
    }

    private static JournalEntry voided(long seq, Instant at, String item, String type, long cents, String tender) {
        String payload = "{\"till\":\"T1\",\"saleClerk\":\"clerk1\",\"lines\":[{\"case\":\"C\",\"item\":\"" + item + "\",\"type\":\"" + type
                + "\",\"cents\":" + cents + "}],\"tenders\":[{\"kind\":\"" + tender + "\",\"cents\":" + cents + "}]}";
        return new JournalEntry("GPO-C01", seq, at, "VOID", -cents, "clerk1", payload, "", "");
    }

    @Test
    void takingsAreFoldedByHourAndServiceNetOfAVoidInTheHourOfTheVoid() {
        TillLedger l = TillLedger.of("T1", List.of(
                sale(1, at(9, 5), "PERSONAL_EXTENSION_PER_YEAR", "PERSONAL", 4800, "CASH"),
                sale(2, at(9, 40), "PERSONAL_RENEWAL", "PERSONAL", 5000, "EPS"),
                sale(3, at(11, 2), "PERSONAL_EXTENSION_PER_YEAR", "PERSONAL", 9600, "CASH"),
                voided(4, at(12, 30), "PERSONAL_EXTENSION_PER_YEAR", "PERSONAL", 9600, "CASH")));
        DayReport r = new DayReport("GPO", DAY, List.of(), List.of(l));
        OfficeGlance.Figures f = OfficeGlance.Figures.of(r);
        assertEquals(9800, f.hourCents(9), "two sales in the 09:00 hour");
        assertEquals(9600, f.hourCents(11));
        assertEquals(-9600, f.hourCents(12), "the void counts in the hour it was made");
        assertEquals(1, f.serviceCount("EXTENSION PERSONAL"), "two extensions sold, one voided");
        assertEquals(1, f.serviceCount("RENEWAL PERSONAL"));
        assertEquals(4800, f.tenderCents(TenderKind.CASH));
        assertEquals(5000, f.tenderCents(TenderKind.EPS));
        assertEquals("HK$98.00", f.net().toString());
    }

    @Test
    void theQueueSaysTicketsWaitingTheAverageWaitOfThoseCalledAndTheLongestWaitingNow() {
        Instant now = at(10, 30);
        OfficeGlance.Queue q = OfficeGlance.Queue.of(List.of(
                new OfficeGlance.Ticket("K001", at(9, 0), Optional.of(at(9, 4))),
                new OfficeGlance.Ticket("K002", at(9, 10), Optional.of(at(9, 20))),
                new OfficeGlance.Ticket("K004", at(10, 20), Optional.empty()),
                new OfficeGlance.Ticket("K003", at(10, 0), Optional.empty())), now, 2);
        assertEquals(List.of("K003", "K004"), q.waiting());
        assertEquals(Optional.of(Duration.ofMinutes(7)), q.averageWait(), "(4 + 10) / 2 minutes");
        assertEquals(Optional.of(Duration.ofMinutes(30)), q.longestWaiting());
        assertEquals(2, q.countersOpen());
        OfficeGlance.Queue empty = OfficeGlance.Queue.of(List.of(), now, 0);
        assertTrue(empty.waiting().isEmpty() && empty.averageWait().isEmpty() && empty.longestWaiting().isEmpty());
    }

    @Test
    void aDevicesDayStartsInTheStateItWasLastReportedInAndEndsNow() {
        Instant dayStart = DAY.atStartOfDay(TillSession.HONG_KONG).toInstant();
        Instant now = at(11, 0);
        List<DeviceHistory.Event> events = List.of(
                new DeviceHistory.Event("T", "RECEIPT_PRINTER", "sim", "READY", null, dayStart.minusSeconds(3600)),
                new DeviceHistory.Event("T", "RECEIPT_PRINTER", "sim", "FAULT", "paper out", at(10, 12)),
                new DeviceHistory.Event("T", "RECEIPT_PRINTER", "sim", "READY", null, at(10, 20)),
                new DeviceHistory.Event("T", "SCANNER", "sane", "READY", null, at(8, 30)),
                new DeviceHistory.Event("T", "SCANNER", "sane", "READY", "warmed up", at(8, 45)));
        DeviceTimeline t = DeviceTimeline.of("T", events, dayStart, now);
        assertEquals(2, t.devices().size());
        DeviceTimeline.Device printer = t.devices().get(0);
        assertEquals("RECEIPT_PRINTER", printer.kind());
        assertEquals(List.of("READY", "FAULT", "READY"), printer.spans().stream().map(DeviceTimeline.Span::state).toList());
        assertEquals(dayStart, printer.spans().get(0).from(), "from the start of the day, in the state reported the day before");
        assertEquals("READY 00:00–10:12, FAULT 10:12–10:20 (paper out), READY 10:20–now", printer.text(TillSession.HONG_KONG, now));
        DeviceTimeline.Device scanner = t.devices().get(1);
        assertEquals(1, scanner.spans().size(), "a change of detail alone does not cut the span");
        assertEquals(at(8, 30), scanner.spans().get(0).from());
        assertEquals("10.25", DeviceTimeline.hourOfDay(at(10, 15), TillSession.HONG_KONG).toPlainString());
    }

    @Test
    void oneThingToActOnIsOnePressAwayAndACaseOpensItself() {
        ActOn one = ActOn.of(ActOn.Kind.CASES_AWAITING_CSR, List.of("GPO-2026-000123"));
        assertEquals("/cases.xhtml?case=GPO-2026-000123", one.target());
        ActOn refunds = ActOn.of(ActOn.Kind.REFUNDS_OWED, List.of("a", "b", "c", "d", "e", "f", "g"));
        assertEquals(7, refunds.count());
        assertEquals(5, refunds.refs().size(), "the first five shown");
        assertEquals("/supervisor/officeday.xhtml#owed", refunds.target());
        OfficeGlance g = new OfficeGlance("GPO", DAY, null, null, null, List.of(),
                List.of(ActOn.of(ActOn.Kind.FEES_UNCONFIRMED, List.of()), refunds));
        assertEquals(ActOn.Kind.REFUNDS_OWED, g.waitingFirst().get(0).kind());
        assertEquals(7, g.toActOn());
    }
}
