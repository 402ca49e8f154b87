package hk.post.ecert.counter.domain.service;

/**
 * The counter journal for events without money (certificates issued and revoked, subscriptions extended): each is
 * appended to a counter's hash chain in the caller's transaction, so a rolled-back step leaves no entry.
 */
public interface EventJournal {

    /** Appends an event without money to a counter's chain ("GPO-C01", or an office's desk). */
    void append(String counter, String actor, String kind, String payloadJson);

    /** Entries in the journal now, every counter and every instance (committed appends). */
    long entries();
}
