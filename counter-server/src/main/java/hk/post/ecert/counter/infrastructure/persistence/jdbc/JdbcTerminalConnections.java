package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.terminal.TerminalConnections;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Terminal connections in the terminal's own row (columns connected_instance, last_seen), over JDBC. */
@ApplicationScoped
public class JdbcTerminalConnections implements TerminalConnections {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public void connected(String terminalId, String instance, Instant at) {
        Rows.of(dataSource).update("UPDATE terminal SET connected_instance = ?, last_seen = ? WHERE terminal_id = ?",
                instance, at, terminalId);
    }

    @Override
    public void disconnected(String terminalId, String instance) {
        Rows.of(dataSource).update("UPDATE terminal SET connected_instance = NULL WHERE connected_instance = ? AND terminal_id = ?",
                instance, terminalId);
    }

    @Override
    public Optional<Seen> lastSeen(String terminalId) {
        return Rows.of(dataSource).one("SELECT connected_instance, last_seen FROM terminal WHERE terminal_id = ?", rs -> {
            String instance = rs.getString(1);
            Timestamp at = rs.getTimestamp(2);
            return instance == null || at == null ? null : new Seen(instance, at.toInstant());
        }, terminalId);
    }
}
