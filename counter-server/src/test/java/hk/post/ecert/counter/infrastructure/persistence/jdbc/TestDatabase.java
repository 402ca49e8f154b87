package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A fresh in-memory H2 database with the counter's Flyway migrations, and transactions that commit or roll back. */
final class TestDatabase {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;

    TestDatabase() throws SQLException {
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        dataSource.setURL("jdbc:h2:mem:pos-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T tx(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    void close() throws SQLException {
        keepAlive.close();
    }
}
