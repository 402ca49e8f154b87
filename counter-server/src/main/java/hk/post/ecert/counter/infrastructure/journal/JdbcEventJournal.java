package hk.post.ecert.counter.infrastructure.journal;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.service.EventJournal;
import hk.post.ecert.journal.Journal;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The counter journal's events over JDBC, on a connection of the JTA data source (so in the caller's transaction). */
@ApplicationScoped
public class JdbcEventJournal implements EventJournal {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private final Journal journal = new Journal();

    @Override
    public void append(String counter, String actor, String kind, String payloadJson) {
        try (Connection c = dataSource.getConnection()) {
            journal.append(c, counter, kind, 0, actor, payloadJson);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the journal of " + counter, e);
        }
    }

    @Override
    public long entries() {
        try (Connection c = dataSource.getConnection()) {
            return Journal.entries(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's heads", e);
        }
    }
}
