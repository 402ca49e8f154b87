package hk.post.ecert.counter.domain.model.kiosk;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's EPS payment rules (issue 17), without a database. */
class KioskPaymentTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private static KioskPayment sent() {
        return KioskPayment.send("KSK-1", "GPO-K01", "abc", "SRN-P-000001", 1, 4800, "EN", NOW);
    }

    @Test
    void onlyAnApprovedPaymentExtends() {
        KioskPayment declined = sent();
        assertTrue(declined.deviceAnswered(KioskPayment.DeviceAnswer.DECLINED, null, "card declined", NOW));
        assertThrows(IllegalStateException.class, () -> declined.extensionWasRecorded(NOW));

        KioskPayment unknown = sent();
        unknown.outcomeUnknown("OUTCOME_UNKNOWN", NOW);
        assertThrows(IllegalStateException.class, () -> unknown.extensionWasRecorded(NOW), "an unknown outcome never extends");

        KioskPayment approved = sent();
        approved.deviceAnswered(KioskPayment.DeviceAnswer.APPROVED, "SIM000001", "", NOW);
        approved.extensionWasRecorded(NOW);
        assertEquals(KioskPayment.Status.EXTENDED, approved.status());
        assertEquals(Optional.of("SIM000001"), approved.approvalCode());
    }

    @Test
    void aFinishedPaymentKeepsItsOutcomeWhateverIsAnsweredAfter() {
        KioskPayment p = sent();
        p.deviceAnswered(KioskPayment.DeviceAnswer.APPROVED, "SIM1", "", NOW);
        p.extensionWasRecorded(NOW);
        assertFalse(p.deviceAnswered(KioskPayment.DeviceAnswer.DECLINED, null, "", NOW), "a repeated or late answer changes nothing");
        assertFalse(p.outcomeUnknown("late", NOW));
        assertFalse(p.deviceFailed("late", NOW));
        assertEquals(KioskPayment.Status.EXTENDED, p.status());
        p.extensionWasRecorded(NOW);   // a repeat is harmless
        assertEquals(KioskPayment.Status.EXTENDED, p.status());
    }

    @Test
    void aLostAnswerIsAskedForUnderItsOwnJobIdABoundedNumberOfTimes() {
        KioskPayment p = sent();
        assertEquals("EPS-KSK-1", p.deviceJobId());
        for (int i = 1; i <= KioskPayment.MAX_ENQUIRIES; i++) {
            assertTrue(p.outcomeUnknown("OUTCOME_UNKNOWN", NOW));
            assertEquals(KioskPayment.Status.ENQUIRING, p.status());
            assertEquals("EPS-KSK-1-Q" + i, p.deviceJobId());
        }
        assertFalse(p.outcomeUnknown("OUTCOME_UNKNOWN", NOW), "after the last enquiry it is left for a supervisor");
        assertEquals(KioskPayment.Status.ENQUIRING, p.status(), "still not extended, still not called failed");
        assertTrue(p.deviceAnswered(KioskPayment.DeviceAnswer.NOT_FOUND, null, "", NOW), "an answer at last settles it");
        assertEquals(KioskPayment.Status.NOT_CHARGED, p.status());
    }

    @Test
    void aDeviceThatCouldNotTakeTheSaleFailsItOnlyBeforeAnyAnswer() {
        KioskPayment p = sent();
        assertTrue(p.deviceFailed("DEVICE_OFFLINE", NOW));
        assertEquals(KioskPayment.Status.FAILED, p.status());
        KioskPayment asking = sent();
        asking.outcomeUnknown("OUTCOME_UNKNOWN", NOW);
        assertFalse(asking.deviceFailed("DEVICE_OFFLINE", NOW), "an enquiry that fails leaves the outcome unknown, never 'not charged'");
        assertThrows(IllegalArgumentException.class, () -> KioskPayment.send("KSK-2", "GPO-K01", "abc", "SRN", 1, 0, "EN", NOW));
    }

    @Test
    void checksAreLimitedPerSrnAndPerKiosk() {
        assertEquals(Optional.empty(), KioskRules.refusal(KioskRules.FAILED_PER_SRN - 1, KioskRules.FAILED_PER_KIOSK - 1, 0));
        assertEquals(Optional.of(KioskRules.Refusal.SRN_LIMIT), KioskRules.refusal(KioskRules.FAILED_PER_SRN, 0, 0));
        assertEquals(Optional.of(KioskRules.Refusal.KIOSK_LIMIT), KioskRules.refusal(0, KioskRules.FAILED_PER_KIOSK, 0));
        assertEquals(Optional.of(KioskRules.Refusal.KIOSK_LIMIT), KioskRules.refusal(0, 0, KioskRules.CHECKS_PER_KIOSK));
    }
}
