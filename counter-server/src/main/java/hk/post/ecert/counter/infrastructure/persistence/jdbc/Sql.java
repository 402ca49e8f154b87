package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC work on the counter database inside the caller's (JTA) transaction: one connection, closed after, and
 * a refusal of the database turned into one clear exception.
 */
public final class Sql {

    /** Something to do with a connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Sql() {
    }

    public static <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the counter database refused: " + e.getMessage(), e);
        }
    }
}
