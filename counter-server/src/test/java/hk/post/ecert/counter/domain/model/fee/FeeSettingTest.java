package hk.post.ecert.counter.domain.model.fee;

import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of fee settings (issue 15: tested without a database; the store is a list, as the repository keeps it). */
class FeeSettingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    final FeeSchedule published = FeeSchedule.loadDefault();
    final List<FeeSetting> stored = new ArrayList<>();
    final Catalogue catalogue = Catalogue.loadDefault();

    FeeSetting enter(String id, String item, Optional<Integer> years, LocalDate from, long cents, String by, String approver) {
        return enter(id, item, years, from, cents, "HKPCA instruction 2026/7", by, approver);
    }

    /** As the application service does it: a repeat answers with the first; anything new is checked, then kept. */
    FeeSetting enter(String id, String item, Optional<Integer> years, LocalDate from, long cents, String source, String by,
                     String approver) {
        Optional<FeeSetting> repeat = FeeSetting.repeatOf(stored, id, item, years, from, Money.ofCents(cents));
        if (repeat.isPresent()) {
            return repeat.get();
        }
        FeeSetting s = FeeSetting.enter(published, stored, id, item, years, from, Money.ofCents(cents), source, by, approver,
                TODAY, Instant.parse("2026-11-25T02:00:00Z"));
        stored.add(s);
        return s;
    }

    FeeSchedule schedule() {
        return FeeSetting.schedule(published, stored);
    }

    Quote aeoi(int years, LocalDate on) {
        return schedule().quoteRenewal(catalogue.type("ORGANISATIONAL").variant("AEOI"), years, 0, on);
    }

    @Test
    void anUnpublishedFeeIsNotSetUntilEnteredAndApprovedThenQuotedFromItsStartDate() {
        assertFalse(aeoi(1, TODAY).isSet(), "no invented figure before an entry");
        enter("FEE-1", "ORGANISATIONAL_AEOI", Optional.empty(), TODAY.plusDays(7), 20_000, "admin", "super1");
        assertFalse(aeoi(1, TODAY).isSet(), "not before its start date");
        Quote q = aeoi(2, TODAY.plusDays(7));
        assertTrue(q.isSet());
        assertTrue(q.total().cents() > 0);
        assertTrue(q.lines().stream().anyMatch(l -> l.item().code().equals("ORGANISATIONAL_AEOI")
                && l.rate().cents() == 20_000 && l.quantity() == 2), q.lines().toString());
        assertTrue(q.lines().stream().anyMatch(l -> l.source().contains("approved by super1")));
    }

    @Test
    void aLaterEntrySupersedesAndTheEarlierStaysInTheRecord() {
        enter("FEE-1", "BANK_CERT_BANK", Optional.empty(), TODAY, 100_000, "admin", "super1");
        enter("FEE-2", "BANK_CERT_BANK", Optional.empty(), TODAY.plusMonths(1), 120_000, "admin", "super1");
        FeeSchedule s = schedule();
        assertEquals(100_000, s.rateInForce("BANK_CERT_BANK", Optional.empty(), TODAY.plusDays(3)).orElseThrow().amount().cents());
        assertEquals(120_000, s.rateInForce("BANK_CERT_BANK", Optional.empty(), TODAY.plusMonths(2)).orElseThrow().amount().cents());
        assertEquals(2, stored.size());
    }

    @Test
    void aRepeatOfTheSameEntryIdIsAnsweredWithTheFirstAndADifferentFeeUnderItIsRefused() {
        FeeSetting first = enter("FEE-1", "SERVER_EV", Optional.empty(), TODAY, 500_000, "admin", "super1");
        assertEquals(first, enter("FEE-1", "SERVER_EV", Optional.empty(), TODAY, 500_000, "admin", "super1"));
        assertEquals(1, stored.size());
        FeeRefusal e = assertThrows(FeeRefusal.class,
                () -> enter("FEE-1", "SERVER_EV", Optional.empty(), TODAY, 600_000, "admin", "super1"));
        assertTrue(e.bilingual().en().contains("already used"));
    }

    @Test
    void entriesThatWouldInventChangeOrSelfApproveAFeeAreRefusedWithAReason() {
        assertRefused("published by HKPCA", () -> enter("A", "PERSONAL_RENEWAL", Optional.empty(), TODAY, 5000, "admin", "super1"));
        assertRefused("no fee item", () -> enter("B", "NO_SUCH_ITEM", Optional.empty(), TODAY, 5000, "admin", "super1"));
        assertRefused("not priced by term", () -> enter("C", "PERSONAL_MR", Optional.of(2), TODAY, 5000, "admin", "super1"));
        assertRefused("more than HK$0.00", () -> enter("D", "PERSONAL_MR", Optional.empty(), TODAY, 0, "admin", "super1"));
        assertRefused("today or later", () -> enter("E", "PERSONAL_MR", Optional.empty(), TODAY.minusDays(1), 5000, "admin", "super1"));
        assertRefused("second person", () -> enter("F", "PERSONAL_MR", Optional.empty(), TODAY, 5000, "super1", "super1"));
        assertRefused("where the figure comes from", () -> enter("G", "PERSONAL_MR", Optional.empty(), TODAY, 5000, " ", "admin", "super1"));
        enter("H", "PERSONAL_MR", Optional.empty(), TODAY, 5000, "admin", "super1");
        assertRefused("already has an entry", () -> enter("I", "PERSONAL_MR", Optional.empty(), TODAY, 6000, "admin", "super1"));
        assertEquals(1, stored.size(), "nothing but the one good entry was stored");
    }

    interface Attempt {
        void run() throws Exception;
    }

    static void assertRefused(String why, Attempt a) {
        FeeRefusal e = assertThrows(FeeRefusal.class, a::run);
        assertTrue(e.bilingual().en().contains(why), e.bilingual().en());
        assertFalse(e.bilingual().zh().isBlank());
    }
}
