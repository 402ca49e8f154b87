package hk.post.ecert.counter.domain.model.terminal;

import java.time.Instant;
import java.util.Optional;

/**
 * Which instance of the counter service a terminal is connected to, shared through the database so that every
 * instance can tell whether a terminal is online somewhere.
 */
public interface TerminalConnections {

    /** Where a terminal was last connected, and when it was last heard from. */
    record Seen(String instance, Instant lastSeen) {
    }

    void connected(String terminalId, String instance, Instant at);

    /** Clears the record only if it still names {@code instance} (a newer connection elsewhere stands). */
    void disconnected(String terminalId, String instance);

    Optional<Seen> lastSeen(String terminalId);
}
