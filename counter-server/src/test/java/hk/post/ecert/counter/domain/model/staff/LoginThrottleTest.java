package hk.post.ecert.counter.domain.model.staff;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    static LoginThrottle.Decision account(int failures, Instant last) {
        return LoginThrottle.decide(new LoginThrottle.AccountFailures(failures, last, false), LoginThrottle.SourceFailures.NONE, NOW);
    }

    @Test
    void threeWrongPasswordsAreFreeThenEachTryWaitsTwiceAsLongUpToAMinute() {
        assertTrue(account(2, NOW).allowed());
        LoginThrottle.Decision third = account(3, NOW);
        assertEquals(LoginThrottle.Verdict.WAIT, third.verdict());
        assertEquals(Duration.ofSeconds(1), third.retryAfter());
        assertEquals(Duration.ofSeconds(8), account(6, NOW).retryAfter());
        assertEquals(Duration.ofSeconds(60), account(9, NOW).retryAfter(), "capped at a minute");
        assertTrue(account(6, NOW.minusSeconds(8)).allowed(), "once the wait is over the next try is checked");
        assertEquals(Duration.ofSeconds(3), account(6, NOW.minusSeconds(5)).retryAfter(), "counted from the last failure");
    }

    @Test
    void theTenthFailureLocksTheAccountUntilSomeoneLiftsIt() {
        assertFalse(LoginThrottle.locks(9));
        assertTrue(LoginThrottle.locks(10));
        LoginThrottle.Decision d = LoginThrottle.decide(new LoginThrottle.AccountFailures(10, NOW.minus(Duration.ofDays(30)), true),
                LoginThrottle.SourceFailures.NONE, NOW);
        assertEquals(LoginThrottle.Verdict.LOCKED, d.verdict(), "a lock does not wear off with time");
    }

    @Test
    void aSourceGuessingAcrossAccountsWaitsTooAndIsForgivenAfterQuietMinutes() {
        LoginThrottle.SourceFailures busy = new LoginThrottle.SourceFailures(LoginThrottle.FREE_SOURCE_FAILURES + 2, NOW);
        LoginThrottle.Decision d = LoginThrottle.decide(LoginThrottle.AccountFailures.NONE, busy, NOW);
        assertEquals(LoginThrottle.Verdict.WAIT, d.verdict(), "even for an account with no failures of its own");
        assertEquals(Duration.ofSeconds(4), d.retryAfter());
        LoginThrottle.SourceFailures quiet = new LoginThrottle.SourceFailures(500, NOW.minus(Duration.ofMinutes(16)));
        assertEquals(0, quiet.counting(NOW));
        assertTrue(LoginThrottle.decide(LoginThrottle.AccountFailures.NONE, quiet, NOW).allowed());
        LoginThrottle.SourceFailures hammering = new LoginThrottle.SourceFailures(5000, NOW);
        assertEquals(LoginThrottle.MAX_SOURCE_WAIT, LoginThrottle.decide(LoginThrottle.AccountFailures.NONE, hammering, NOW).retryAfter());
    }
}
