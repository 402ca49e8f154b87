package hk.post.ecert.counter.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets a device job needs (the customer's PIN) held in memory only — never in the database, the job record, a
 * log, or the terminal's journal — and wiped when the saga no longer needs them or after a few minutes. A server
 * restart forgets them: the clerk asks the customer for the PIN again.
 */
@ApplicationScoped
public class JobSecrets {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Held(char[] pin, Instant until) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public void hold(String ref, char[] pin) {
        forget(ref);
        held.put(ref, new Held(Arrays.copyOf(pin, pin.length), Instant.now().plus(LIFETIME)));
    }

    /** A copy of the PIN for one delivery; the caller wipes its copy. */
    public Optional<char[]> pin(String ref) {
        Held h = held.get(ref);
        if (h == null || Instant.now().isAfter(h.until())) {
            forget(ref);
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(h.pin(), h.pin().length));
    }

    public void forget(String ref) {
        Held h = held.remove(ref);
        if (h != null) {
            Arrays.fill(h.pin(), '\0');
        }
    }
}
