package hk.post.ecert.counter.infrastructure.receipt;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure the active receipt key exists before the first sale (issue 32). Made on first use, the first receipts of a
 * busy opening each held their sale's connection while asking for another to record R1 in a transaction of its own:
 * 32 receipts at once took every connection of the pool and waited 60 s for a 33rd (seen in a thread dump of
 * {@code bin/bench counter-flow} at 100 counters). At the start nothing else holds a connection.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ReceiptKeyAtStart {

    @Inject
    ReceiptKeys keys;

    @PostConstruct
    void atStart() {
        try {
            keys.signer();
        } catch (RuntimeException e) {
            // the first receipt tries again, and says why it cannot sign
            LOG.log(Level.SEVERE, "the receipt key could not be made at the start: " + e.getMessage(), e);
        }
    }

    private static final Logger LOG = Logger.getLogger(ReceiptKeyAtStart.class.getName());
}
