package hk.post.ecert.counter.infrastructure.schedule;

import hk.post.ecert.counter.application.ServiceInstance;
import hk.post.ecert.counter.application.notice.CustomerNotices;
import hk.post.ecert.counter.application.notice.NoticeDelivery;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Notices (issue 30): every few seconds the outbox's due notices are sent; once a day — on the instance that claims the
 * day, and at start so a new day's notices are not a day late — the expiry notices and renewal reminders are written.
 */
@Singleton
@jakarta.ejb.Startup
@jakarta.ejb.DependsOn({"SchemaMigration", "RegistryDemoData"})
public class NoticeSchedule {

    private static final Logger LOG = Logger.getLogger(NoticeSchedule.class.getName());

    @Inject
    NoticeDelivery delivery;

    @Inject
    CustomerNotices notices;

    @Inject
    SubscriberRegistry registry;

    @Inject
    ServiceInstance instance;

    @Inject
    @ConfigProperty(name = "counter.notice.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void send() {
        if (!enabled) {
            return;
        }
        try {
            delivery.sendDue(50);
            daily();
        } catch (RuntimeException e) {
            LOG.warning(() -> "notice delivery: " + e);
        }
    }

    private java.time.LocalDate dailyTried;

    /** The day's expiry notices and reminders, written once a day by one instance (each instance asks once a day). */
    private void daily() {
        java.time.LocalDate today = registry.today();
        if (today.equals(dailyTried)) {
            return;
        }
        dailyTried = today;
        if (instance.claim("DAILY_NOTICES", today)) {
            notices.daily(today);
        }
    }
}
