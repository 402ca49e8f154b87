package hk.post.ecert.counter.domain.model.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notices waiting to be sent, written in the transaction of the event that causes each (the port; JDBC
 * implements it). Claims are conditional updates, so two instances never send the same notice at once.
 */
public interface NoticeOutbox {

    enum State { PENDING, SENDING, SENT, FAILED }

    /** A notice as the outbox holds it. */
    record Entry(String id, Notice notice, State state, int attempts, Instant createdAt, Instant nextAttemptAt,
                 Optional<Instant> sentAt, Optional<String> lastError) {
    }

    /** Adds the notice unless one with its id is there already; false when it was (the first stands). */
    boolean add(Notice n, Instant now);

    /** Ids of notices due now: pending and due, or claimed by an instance whose claim ran out (it stopped). */
    List<String> due(Instant now, int max);

    /** Claims a due notice for {@code instance} until {@code until}; false when another instance claimed it first. */
    boolean claim(String id, String instance, Instant now, Instant until);

    Optional<Entry> find(String id);

    /** The mail server accepted it. */
    void sent(String id, String instance, Instant at);

    /** It could not be delivered: tried again at {@code retryAt}, or given up (FAILED) when empty. */
    void failed(String id, String instance, String serverAnswer, Optional<Instant> retryAt);

    /** Notices given up, newest first (for the supervisor). */
    List<Entry> undelivered(int max);

    /** Every notice to one recipient, newest first. */
    List<Entry> to(String recipient);
}
