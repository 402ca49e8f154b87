package hk.post.ecert.counter.domain.model.kiosk;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 33: the form a customer prepared at the kiosk is read back once its ticket is called, and that is kept once. */
class PreparedRenewalTest {

    private static PreparedRenewal prepared() {
        return new PreparedRenewal("GPO", LocalDate.of(2026, 12, 7), 3, "GPO-K01", "0A", "SRN-P-000002", "PERSONAL_STANDARD", 1,
                "{\"contact_email\":\"a@example.hk\"}", Instant.parse("2026-12-07T01:00:00Z"));
    }

    @Test
    void theFormIsReadBackOnlyAfterTheTicketIsCalledAndOnce() {
        PreparedRenewal p = prepared();
        assertThrows(IllegalStateException.class, () -> p.formChecked("clerk1", Instant.now()), "not before the ticket is called");
        p.wasCalled("clerk1", "RC-1", Instant.parse("2026-12-07T01:05:00Z"));
        assertEquals(Optional.empty(), p.formCheckedBy());
        assertTrue(p.formChecked("clerk1", Instant.now()), "the first reading back is kept");
        assertFalse(p.formChecked("clerk2", Instant.now()), "a repeat changes nothing");
        assertEquals(Optional.of("clerk1"), p.formCheckedBy());
        assertEquals(Optional.of(Instant.parse("2026-12-07T01:05:00Z")), p.calledAt());
        assertEquals("K003", p.ticketNumber());
    }
}
