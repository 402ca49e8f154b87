package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.service.EventJournal;
import hk.post.ecert.devices.wire.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * Certificate events in the counter journal, beside the money: issued and revoked certificates are appended to the
 * chain of the counter that asked for them, in the caller's transaction (so a rolled-back issuance leaves no entry).
 */
@ApplicationScoped
public class CounterJournal {

    @Inject
    EventJournal events;

    @Inject
    CounterOverview counters;

    /** Appends an event without money for the counter where {@code staff} works (their office's desk when none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String staff, String kind, Map<String, Object> payload) {
        CounterOverview.CounterPlace p = counters.placeOf(staff);
        recordAt(TillSession.journalCounter(p.office(), p.counter() == null ? "DESK" : p.counter()), staff, kind, payload);
    }

    /** Appends an event without money to a named chain (e.g. the office desk for a scheduled job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAt(String counter, String actor, String kind, Map<String, Object> payload) {
        events.append(counter, actor, kind, Json.write(payload));
    }

    /** Entries in the journal now, every counter and every instance (committed appends). */
    public long entries() {
        return events.entries();
    }
}
