package hk.post.ecert.counter.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.sessions.UnitOfWork;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The counter database for the JDBC repositories: inside a transaction, the one connection the transaction's JPA
 * work uses; outside one, a connection of the pool (issue 32).
 *
 * <p>Payara takes a physical connection of the pool for each {@code getConnection()} of a transaction, and keeps each
 * until the transaction ends, even when they all end up on one database transaction. A receipt did JDBC work (the
 * seal) and then JPA work (its print job) and so held two: at a busy opening 32 receipts at once each held one and
 * waited for a second, and the 32-connection pool was stuck until its 60-second wait ran out (a thread dump of
 * {@code bin/bench counter-flow} at 100 counters showed it). Here the JDBC work of a transaction runs on the connection
 * of the transaction's persistence context, so a request holds one connection at most. Closing it ends nothing: the
 * transaction releases it.
 */
@ApplicationScoped
public class TransactionConnection implements DataSource {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource pool;

    @PersistenceContext(unitName = "counter")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public Connection getConnection() throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return pool.getConnection();
        }
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            // Reads join the transaction's connection (persistence.xml), which EclipseLink takes at the transaction's
            // first statement. One that has run nothing yet has its unit of work begin the transaction now and take the
            // connection, as EclipseLink's own unwrap does once joined (a "SELECT 1" through the entity manager did it
            // before: 6 % of the server's CPU in bin/bench counter-flow).
            UnitOfWorkImpl work = (UnitOfWorkImpl) em.unwrap(UnitOfWork.class);
            work.beginEarlyTransaction();
            Accessor accessor = work.getAccessor();
            accessor.incrementCallCount(work.getParent());
            accessor.decrementCallCount();
            c = accessor.getConnection();
            if (c == null) {
                throw new SQLException("the transaction has no connection of its own");
            }
        }
        return unclosable(c);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the counter database has one role");
    }

    /** The transaction's connection, for which close() is nothing: the transaction gives it back when it ends. */
    private static Connection unclosable(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "isClosed":
                            return c.isClosed();
                        default:
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }
}
