package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.glance.DeviceTimeline;
import hk.post.ecert.counter.domain.model.glance.OfficeGlance;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.devices.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 33: the supervisor's charts are Chart.js configurations with the journal's figures, to the cent. */
class GlanceChartsTest {

    private static final GlanceCharts.Texts EN = new GlanceCharts.Texts("Today", "Last week", "HK$", "Number sold",
            k -> k.label().en(), s -> s, d -> d, s -> s);

    private static OfficeGlance glance() {
        Map<TenderKind, long[]> tenders = new EnumMap<>(TenderKind.class);
        tenders.put(TenderKind.CASH, new long[]{3, 14_401});   // HK$144.01: never through a double
        tenders.put(TenderKind.EPS, new long[]{1, 4_800});
        Map<Integer, long[]> hours = new TreeMap<>(Map.of(9, new long[]{4, 19_201}));
        Map<String, long[]> services = new TreeMap<>(Map.of("EXTENSION PERSONAL", new long[]{4, 19_201}));
        OfficeGlance.Figures today = new OfficeGlance.Figures(LocalDate.of(2026, 12, 7), tenders, hours, services, Money.ofCents(19_201), 4);
        OfficeGlance.Figures lastWeek = new OfficeGlance.Figures(LocalDate.of(2026, 11, 30), Map.of(), Map.of(), Map.of(), Money.ofCents(0), 0);
        return new OfficeGlance("GPO", today.day(), today, lastWeek, OfficeGlance.Queue.of(List.of(), java.time.Instant.now(), 1),
                List.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> dataOf(String config, int dataset) {
        Map<String, Object> data = (Map<String, Object>) Json.readObject(config).get("data");
        return (List<Object>) ((Map<String, Object>) ((List<Object>) data.get("datasets")).get(dataset)).get("data");
    }

    @Test
    void takingsGoToTheChartAsHkdWithTwoDecimalsBesideTheSameWeekdayLastWeek() {
        String config = GlanceCharts.byTender(glance(), EN);
        assertTrue(config.startsWith("{\"type\":\"bar\""), config);
        assertTrue(config.contains("\"labels\":[\"Cash\",\"EPS\"]"), config);
        assertEquals("144.01", dataOf(config, 0).get(0).toString());
        assertEquals("48.00", dataOf(config, 0).get(1).toString());
        assertEquals("0.00", dataOf(config, 1).get(0).toString(), "nothing on the same weekday last week");
        String hours = GlanceCharts.byHour(glance(), EN);
        assertTrue(hours.contains("\"08:00\"") && hours.contains("\"19:00\""), "the office's day: " + hours);
        assertEquals("192.01", dataOf(hours, 0).get(1).toString(), "09:00 is the second hour shown");
        String services = GlanceCharts.byService(glance(), EN);
        assertEquals("4", dataOf(services, 0).get(0).toString());
    }

    @Test
    void aDevicesDayIsAFloatingBarPerSpanColouredByState() {
        java.time.Instant start = LocalDateTime.of(2026, 12, 7, 0, 0).atZone(TillSession.HONG_KONG).toInstant();
        DeviceTimeline t = new DeviceTimeline("GPO-C01", List.of(new DeviceTimeline.Device("RECEIPT_PRINTER", "sim", List.of(
                new DeviceTimeline.Span("READY", null, start, start.plusSeconds(10 * 3600 + 15 * 60)),
                new DeviceTimeline.Span("FAULT", "paper out", start.plusSeconds(10 * 3600 + 15 * 60), start.plusSeconds(11 * 3600))))));
        String config = GlanceCharts.devices(t, EN);
        assertTrue(config.contains("\"indexAxis\":\"y\""), config);
        assertTrue(config.contains("\"x\":[0.00,10.25]") || config.contains("\"x\":[0,10.25]"), config);
        assertTrue(config.contains("\"backgroundColor\":\"#b00020\""), "a fault is red: " + config);
    }
}
