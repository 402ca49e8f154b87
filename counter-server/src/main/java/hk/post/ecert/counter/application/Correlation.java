package hk.post.ecert.counter.application;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The correlation id of the request being served: set for each HTTP request (the caller's {@code X-Correlation-Id}
 * when it sent a well-formed one, else a new one), stored with every device job the request records, and written in
 * the log lines of the job's record, its sending, the terminal's run of it and its outcome, so that one clerk's click
 * can be followed through the server, the terminal and back ({@code grep <id>} over both logs).
 */
public final class Correlation {

    /** The key under which a device job's payload carries it to the terminal. */
    public static final String KEY = "correlationId";
    public static final String HEADER = "X-Correlation-Id";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{6,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Correlation() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The caller's id if it is well formed (no log injection), else a new one. */
    public static String adopt(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : newId();
    }

    public static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "c-" + HexFormat.of().formatHex(b);
    }

    public static void set(String id) {
        CURRENT.set(id);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** How a log line names it: {@code [corr c-0a1b2c3d4e5f]}, or nothing outside a request. */
    public static String tag(Object id) {
        return id == null ? "" : " [corr " + id + "]";
    }
}
