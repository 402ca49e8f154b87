package hk.post.ecert.counter.domain.model.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The medium files (PKCS#12) of certificates posted by registered mail, until the dispatch is recorded or the
 * retention period ends, and the append-only trail of every download.
 */
public interface DispatchMediumStore {

    void keep(String ref, String serialHex, byte[] pkcs12, Instant at);

    /** The file, unless it was deleted or was made before {@code notBefore}. */
    Optional<byte[]> file(String ref, Instant notBefore);

    boolean exists(String ref);

    void recordDownload(String ref, String username, String office, String counter, String source, Instant at);

    /** Deletes the file's content (the row stays, saying when and why). */
    int delete(String ref, String why, Instant at);

    /** Deletes every file made before {@code cutoff}; returns how many. */
    int deleteMadeBefore(Instant cutoff, String why, Instant at);

    /** The download trail of a file, oldest first, as "when who office/counter source". */
    List<String> downloads(String ref);
}
