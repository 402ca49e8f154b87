package hk.post.ecert.journal;

import java.time.Instant;

/**
 * One journal entry.
 *
 * @param amountCents the money effect in HKD cents (0 for events without money); never floating point
 * @param payload     the event's details as JSON (never an HKID in full)
 * @param prevHash    the previous entry's hash (64 zeros for a counter's first entry)
 * @param hash        SHA-256 over this entry's fields and {@code prevHash}
 */
public record JournalEntry(String counter, long seq, Instant recordedAt, String kind, long amountCents, String actor,
                           String payload, String prevHash, String hash) {
}
