package hk.post.ecert.counter.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Secrets a device job needs (the customer's PIN) held in memory only — never in the database, the job record, a
 * log, or the terminal's journal — and wiped when the saga no longer needs them or after a few minutes. A server
 * restart forgets them: the clerk asks the customer for the PIN again.
 *
 * <p>When the instances form a Payara (Hazelcast) cluster, the PIN is held in the cluster's memory instead (a
 * distributed map, still never on disk), because the instance that delivers the job to the terminal may not be the
 * one where the clerk typed it. Without a cluster ({@code --nohazelcast}) it stays in this instance's memory.
 */
@ApplicationScoped
public class JobSecrets {

    private static final Logger LOG = Logger.getLogger(JobSecrets.class.getName());
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String MAP = "ecert-job-secrets";

    private record Held(char[] pin, Instant until) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** The cluster's map (key → "expiry-millis:PIN"), or null when this instance is not clustered. */
    private ConcurrentMap<String, String> shared;
    /** IMap.put(key, value, ttl, unit), so the cluster drops an unused PIN by itself. */
    private Method putWithTtl;

    @PostConstruct
    @SuppressWarnings("unchecked")
    void joinCluster() {
        try {
            Object hz = new InitialContext().lookup("payara/Hazelcast");
            if (hz == null) {
                return;
            }
            Class<?> api = Class.forName("com.hazelcast.core.HazelcastInstance", false, hz.getClass().getClassLoader());
            Method getMap = api.getMethod("getMap", String.class);
            shared = (ConcurrentMap<String, String>) getMap.invoke(hz, MAP);
            try {
                Class<?> imap = Class.forName("com.hazelcast.map.IMap", false, hz.getClass().getClassLoader());
                putWithTtl = imap.getMethod("put", Object.class, Object.class, long.class, java.util.concurrent.TimeUnit.class);
            } catch (ReflectiveOperationException noTtl) {
                putWithTtl = null;
            }
            LOG.info("job secrets are held in the cluster's memory (Hazelcast map " + MAP + ")");
        } catch (Exception | LinkageError notClustered) {
            shared = null;
            LOG.log(Level.FINE, "no Hazelcast cluster: job secrets stay in this instance's memory", notClustered);
        }
    }

    public boolean clustered() {
        return shared != null;
    }

    public void hold(String ref, char[] pin) {
        forget(ref);
        Instant until = Instant.now().plus(LIFETIME);
        if (shared != null) {
            String v = until.toEpochMilli() + ":" + new String(pin);
            try {
                if (putWithTtl != null) {
                    putWithTtl.invoke(shared, ref, v, LIFETIME.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    return;
                }
            } catch (ReflectiveOperationException e) {
                LOG.log(Level.FINE, "put with a time to live failed; the expiry in the value still applies", e);
            }
            shared.put(ref, v);
            return;
        }
        held.put(ref, new Held(Arrays.copyOf(pin, pin.length), until));
    }

    /** A copy of the PIN for one delivery; the caller wipes its copy. */
    public Optional<char[]> pin(String ref) {
        if (shared != null) {
            String v = shared.get(ref);
            if (v == null) {
                return Optional.empty();
            }
            int colon = v.indexOf(':');
            if (Instant.now().toEpochMilli() > Long.parseLong(v.substring(0, colon))) {
                forget(ref);
                return Optional.empty();
            }
            return Optional.of(v.substring(colon + 1).toCharArray());
        }
        Held h = held.get(ref);
        if (h == null || Instant.now().isAfter(h.until())) {
            forget(ref);
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(h.pin(), h.pin().length));
    }

    public void forget(String ref) {
        if (shared != null) {
            shared.remove(ref);
            return;
        }
        Held h = held.remove(ref);
        if (h != null) {
            Arrays.fill(h.pin(), '\0');
        }
    }
}
