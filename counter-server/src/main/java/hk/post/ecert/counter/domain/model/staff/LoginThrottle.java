package hk.post.ecert.counter.domain.model.staff;

import java.time.Duration;
import java.time.Instant;

/**
 * How hard a password may be guessed: per account and per source address (the browser's, or the counter PC's for a
 * supervisor's re-authentication). After {@link #FREE_ACCOUNT_FAILURES} failures in a row an account waits before
 * each further try, twice as long each time; after {@link #LOCK_AFTER} it is locked until a supervisor or an
 * administrator lifts the lock. A source that fails {@link #FREE_SOURCE_FAILURES} times, on any accounts, waits
 * likewise (a counter's PCs share an address, so its allowance is larger); a source that has been quiet for
 * {@link #SOURCE_FORGIVEN_AFTER} starts again. A refused try costs no password hashing at all: the decision is made
 * before the password is looked at — and it still counts as a failure.
 */
public final class LoginThrottle {

    public static final int FREE_ACCOUNT_FAILURES = 3;
    public static final int LOCK_AFTER = 10;
    public static final int FREE_SOURCE_FAILURES = 30;
    public static final Duration MAX_ACCOUNT_WAIT = Duration.ofSeconds(60);
    public static final Duration MAX_SOURCE_WAIT = Duration.ofMinutes(5);
    public static final Duration SOURCE_FORGIVEN_AFTER = Duration.ofMinutes(15);

    /** What to do with a try. {@code retryAfter} is set for WAIT. */
    public record Decision(Verdict verdict, Duration retryAfter) {
        public boolean allowed() {
            return verdict == Verdict.ALLOW;
        }
    }

    public enum Verdict { ALLOW, WAIT, LOCKED }

    /** An account's record of failures (none for an unknown user name). */
    public record AccountFailures(int failures, Instant lastFailedAt, boolean locked) {
        public static final AccountFailures NONE = new AccountFailures(0, null, false);
    }

    /** A source's record of failures. */
    public record SourceFailures(int failures, Instant lastFailedAt) {
        public static final SourceFailures NONE = new SourceFailures(0, null);

        /** Failures that still count at {@code now}. */
        public int counting(Instant now) {
            return lastFailedAt == null || Duration.between(lastFailedAt, now).compareTo(SOURCE_FORGIVEN_AFTER) > 0 ? 0 : failures;
        }
    }

    private LoginThrottle() {
    }

    public static Decision decide(AccountFailures account, SourceFailures source, Instant now) {
        if (account.locked()) {
            return new Decision(Verdict.LOCKED, null);
        }
        Duration wait = waitFor(account.failures(), FREE_ACCOUNT_FAILURES, MAX_ACCOUNT_WAIT, account.lastFailedAt(), now);
        Duration sourceWait = waitFor(source.counting(now), FREE_SOURCE_FAILURES, MAX_SOURCE_WAIT, source.lastFailedAt(), now);
        Duration longest = wait.compareTo(sourceWait) >= 0 ? wait : sourceWait;
        return longest.isZero() ? new Decision(Verdict.ALLOW, null) : new Decision(Verdict.WAIT, longest);
    }

    /** Whether the failure that brought an account to {@code failuresNow} locks it. */
    public static boolean locks(int failuresNow) {
        return failuresNow >= LOCK_AFTER;
    }

    /** 1 s after the first failure past the free ones, then 2, 4, 8 … up to the cap, counted from the last failure. */
    private static Duration waitFor(int failures, int free, Duration cap, Instant last, Instant now) {
        if (failures < free || last == null) {
            return Duration.ZERO;
        }
        long seconds = Math.min(cap.getSeconds(), 1L << Math.min(20, failures - free));
        Duration left = Duration.between(now, last.plusSeconds(seconds));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }
}
