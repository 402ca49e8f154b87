package hk.post.ecert.counter.application.registry;

import hk.post.ecert.counter.application.ServiceInstance;
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

    @Inject
    ServiceInstance instance;

    /** Every instance has the timer; the one that claims the day runs it (the others log and skip). */
    @Schedule(hour = "2", minute = "15", persistent = false)
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        if (!instance.claim("LAPSED_SUBSCRIPTIONS", registry.today())) {
            return;
        }
        int n = registry.suspendLapsed(registry.today(), "system");
        LOG.info(() -> "lapsed subscriptions: " + n + " certificate(s) suspended");
    }
}
