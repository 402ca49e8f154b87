package hk.post.ecert.counter.infrastructure.schedule;

import hk.post.ecert.counter.application.renewal.RenewalIssuance;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Every minute: a token-delivered case whose write was verified but not recorded on the case (the instance stopped
 * between the two) is completed. The verified write's own event completes it at once otherwise.
 */
@Singleton
public class TokenWriteCompletion {

    private static final Logger LOG = Logger.getLogger(TokenWriteCompletion.class.getName());

    @Inject
    RenewalIssuance issuance;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void completeVerifiedWrites() {
        int n = issuance.completeVerifiedWrites();
        if (n > 0) {
            LOG.info(() -> n + " case(s) completed after a verified token write");
        }
    }
}
