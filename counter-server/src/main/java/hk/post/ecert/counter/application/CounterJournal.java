package hk.post.ecert.counter.application;

import hk.post.ecert.counter.application.pos.TillBook;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.journal.Journal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Certificate events in the counter journal, beside the money: issued and revoked certificates are appended to the
 * chain of the counter that asked for them, in the caller's transaction (so a rolled-back issuance leaves no entry).
 */
@ApplicationScoped
public class CounterJournal {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    CounterOverview counters;

    private final Journal journal = new Journal();

    /** Appends an event without money for the counter where {@code staff} works (their office's desk when none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String staff, String kind, Map<String, Object> payload) {
        CounterOverview.CounterPlace p = counters.placeOf(staff);
        recordAt(hk.post.ecert.counter.domain.model.till.TillSession.journalCounter(p.office(), p.counter() == null ? "DESK" : p.counter()), staff, kind, payload);
    }

    /** Appends an event without money to a named chain (e.g. the office desk for a scheduled job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAt(String counter, String actor, String kind, Map<String, Object> payload) {
        String staff = actor;
        try (Connection c = dataSource.getConnection()) {
            journal.append(c, counter, kind, 0, staff, Json.write(payload));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the journal of " + counter, e);
        }
    }

    /** Entries in the journal now, every counter and every instance (committed appends). */
    public long entries() {
        try (Connection c = dataSource.getConnection()) {
            return Journal.entries(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's heads", e);
        }
    }
}
