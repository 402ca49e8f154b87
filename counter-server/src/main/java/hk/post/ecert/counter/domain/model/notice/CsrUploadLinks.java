package hk.post.ecert.counter.domain.model.notice;

import java.time.Instant;
import java.util.Optional;

/**
 * The AR's one-time links to upload a Server CSR (issue 30). Only a digest of each link's secret is kept; a link is
 * used once (a conditional update) and runs out at its expiry.
 */
public interface CsrUploadLinks {

    record Link(String caseRef, Instant createdAt, Instant expiresAt, Optional<Instant> usedAt) {
        /** Whether the link can still be used at {@code now}. */
        public boolean usable(Instant now) {
            return usedAt.isEmpty() && now.isBefore(expiresAt);
        }
    }

    void add(String tokenHash, String caseRef, Instant createdAt, Instant expiresAt);

    Optional<Link> find(String tokenHash);

    /** Marks the link used; false when it was used already (the first use stands). */
    boolean use(String tokenHash, Instant at);
}
