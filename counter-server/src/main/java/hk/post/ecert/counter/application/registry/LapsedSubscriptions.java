package hk.post.ecert.counter.application.registry;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Every night: e-Cert (Personal) certificates whose subscription lapsed are suspended (and so on the CRL). */
@Singleton
public class LapsedSubscriptions {

    private static final Logger LOG = Logger.getLogger(LapsedSubscriptions.class.getName());

    @Inject
    SubscriberRegistry registry;

    @Schedule(hour = "2", minute = "15", persistent = false)
    void nightly() {
        int n = registry.suspendLapsed(registry.today(), "system");
        LOG.info(() -> "lapsed subscriptions: " + n + " certificate(s) suspended");
    }
}
