package hk.post.ecert.counter.application.checkout;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fresh in-memory H2 database with the counter's migrations that behaves as the server's JTA data source does:
 * inside {@link #tx} every {@code getConnection()} is the transaction's one connection (its {@code close()} does
 * nothing), committed when the work returns and rolled back when it throws.
 */
final class TransactionalDataSource implements DataSource {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final Connection keepAlive;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    TransactionalDataSource() throws SQLException {
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
        h2.setURL("jdbc:h2:mem:checkout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = h2.getConnection();
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    }

    /** Runs {@code work} in one transaction. */
    <T> T tx(Callable<T> work) throws Exception {
        try (Connection c = h2.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T t = work.call();
                c.commit();
                return t;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
            }
        }
    }

    void close() throws SQLException {
        keepAlive.close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = current.get();
        if (c == null) {
            return h2.getConnection();
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;   // the transaction's connection stays open until it commits
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
