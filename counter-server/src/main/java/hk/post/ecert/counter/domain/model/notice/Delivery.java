package hk.post.ecert.counter.domain.model.notice;

import java.time.Duration;

/**
 * How a notice that could not be delivered is tried again (issue 30): after 1, 5, 15 minutes, then 1, 4 and 12 hours;
 * after {@value #MAX_ATTEMPTS} attempts it is given up and shown to the supervisor with the mail server's answer. A
 * permanent refusal (an SMTP 5xx answer, e.g. no such mailbox) is given up at once.
 */
public final class Delivery {

    public static final int MAX_ATTEMPTS = 7;

    private static final Duration[] WAITS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12)};

    private Delivery() {
    }

    /** How long to wait after the {@code attempts}-th failed attempt (1 = the first); empty when it is given up. */
    public static java.util.Optional<Duration> retryAfter(int attempts, boolean permanent, Duration scale) {
        if (permanent || attempts >= MAX_ATTEMPTS) {
            return java.util.Optional.empty();
        }
        Duration wait = WAITS[Math.min(attempts, WAITS.length) - 1];
        // tests and the demo may shrink every wait by the same factor (a setting); never below one second
        long millis = Math.max(1000, wait.toMillis() * scale.toMillis() / Duration.ofMinutes(1).toMillis());
        return java.util.Optional.of(Duration.ofMillis(millis));
    }
}
