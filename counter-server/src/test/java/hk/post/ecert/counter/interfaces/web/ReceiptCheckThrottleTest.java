package hk.post.ecert.counter.interfaces.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public check page lets one address check a receipt at most 30 times a minute; others are not held up. */
class ReceiptCheckThrottleTest {

    @Test
    void theThirtyFirstCheckInAMinuteFromOneAddressWaitsAndAnotherAddressDoesNot() {
        ReceiptCheck.Throttle t = new ReceiptCheck.Throttle();
        for (int i = 0; i < ReceiptCheck.Throttle.PER_MINUTE; i++) {
            assertTrue(t.allow("192.0.2.1"), "check " + (i + 1));
        }
        assertFalse(t.allow("192.0.2.1"));
        assertTrue(t.allow("192.0.2.2"));
        for (int i = 0; i < 10_000 + 5; i++) {
            t.allow("198.51.100." + i);
        }
        assertFalse(t.allow("192.0.2.1"), "an address busy this minute is not forgotten");
    }
}
