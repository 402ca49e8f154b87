package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few shapes every JDBC repository here needs — a list of rows, one row, an update — with parameters bound by
 * their Java type (dates, instants, nulls) and a refusal of the database turned into one clear exception.
 */
final class Rows {

    /** Reads one row. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connector connector;

    private interface Connector {
        <T> T run(Sql.Work<T> work);
    }

    private Rows(Connector connector) {
        this.connector = connector;
    }

    /** Each statement on a connection of the data source, inside the caller's JTA transaction. */
    static Rows of(DataSource dataSource) {
        return new Rows(new Connector() {
            @Override
            public <T> T run(Sql.Work<T> work) {
                return Sql.run(dataSource, work);
            }
        });
    }

    /** Each statement on the caller's connection (and so in its transaction). */
    static Rows on(Connection c) {
        return new Rows(new Connector() {
            @Override
            public <T> T run(Sql.Work<T> work) {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    throw new IllegalStateException("the counter database refused: " + e.getMessage(), e);
                }
            }
        });
    }

    static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof LocalDate d) {
                s.setDate(i + 1, java.sql.Date.valueOf(d));
            } else if (a instanceof Instant t) {
                s.setTimestamp(i + 1, Timestamp.from(t));
            } else if (a == null) {
                s.setNull(i + 1, java.sql.Types.NULL);
            } else {
                s.setObject(i + 1, a);
            }
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... args) {
        return connector.run(c -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The first row, if any (a null read is empty). */
    <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> l = list(sql, row, args);
        return l.isEmpty() ? Optional.empty() : Optional.ofNullable(l.get(0));
    }

    int update(String sql, Object... args) {
        return connector.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, args);
                return s.executeUpdate();
            }
        });
    }

    /** An INTEGER column that may be NULL. */
    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
