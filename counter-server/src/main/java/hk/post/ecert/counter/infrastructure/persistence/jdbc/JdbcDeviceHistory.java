package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.terminal.DeviceHistory;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/** The device history in {@code device_event}, appended in the caller's transaction. */
@ApplicationScoped
public class JdbcDeviceHistory implements DeviceHistory {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public void add(List<Event> events) {
        Rows rows = Rows.of(dataSource);
        for (Event e : events) {
            rows.update("INSERT INTO device_event (event_id, terminal_id, device_kind, model, state, detail, recorded_at)"
                            + " VALUES (?,?,?,?,?,?,?)", UUID.randomUUID().toString(), e.terminalId(), e.kind(), cut(e.model(), 128),
                    e.state(), e.detail() == null || e.detail().isEmpty() ? null : cut(e.detail(), 256), e.at());
        }
    }

    @Override
    public List<Event> latest(String terminalId, int max) {
        return Rows.of(dataSource).list("SELECT terminal_id, device_kind, model, state, detail, recorded_at FROM device_event"
                        + " WHERE terminal_id = ? ORDER BY recorded_at DESC, event_id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY",
                rs -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), terminalId);
    }

    @Override
    public List<Event> since(String terminalId, java.time.Instant from) {
        java.sql.Timestamp at = java.sql.Timestamp.from(from);
        return Rows.of(dataSource).list("SELECT terminal_id, device_kind, model, state, detail, recorded_at FROM device_event e"
                        + " WHERE terminal_id = ? AND (recorded_at >= ? OR recorded_at = (SELECT MAX(b.recorded_at) FROM device_event b"
                        + " WHERE b.terminal_id = e.terminal_id AND b.device_kind = e.device_kind AND b.model = e.model AND b.recorded_at < ?))"
                        + " ORDER BY recorded_at",
                rs -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), terminalId, at, at);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
