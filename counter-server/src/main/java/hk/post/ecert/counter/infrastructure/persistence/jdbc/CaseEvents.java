package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to a case, in order (who, when, what), kept in an event table with columns
 * {@code (<ref>, at, actor, what)}: renewal cases in {@code case_event}, Bank-Cert applications in
 * {@code bank_application_event}. Kept here, with the other JDBC stores, so the application layer holds no SQL.
 */
public final class CaseEvents {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final DataSource dataSource;
    private final String table;
    private final String refColumn;

    public CaseEvents(DataSource dataSource, String table, String refColumn) {
        this.dataSource = dataSource;
        this.table = table;
        this.refColumn = refColumn;
    }

    public void record(String ref, String actor, String what) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + refColumn + ", at, actor, what) VALUES (?,?,?,?)")) {
                s.setString(1, ref);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setString(3, actor);
                s.setString(4, what.length() > 1000 ? what.substring(0, 1000) : what);
                return s.executeUpdate();
            }
        });
    }

    /** The case's events, oldest first, as lines "2026-11-25T10:15:02 clerk1: what". */
    public List<String> history(String ref) {
        return Sql.run(dataSource, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, actor, what FROM " + table + " WHERE " + refColumn
                    + " = ? ORDER BY event_id")) {
                s.setString(1, ref);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getTimestamp(1).toInstant().atZone(HONG_KONG).toLocalDateTime().withNano(0)
                                + " " + rs.getString(2) + ": " + rs.getString(3));
                    }
                }
            }
            return out;
        });
    }
}
