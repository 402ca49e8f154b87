package hk.post.ecert.counter.infrastructure.schedule;

import hk.post.ecert.counter.application.DispatchMedia;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Every hour: the medium files of postal renewals kept past their retention period are deleted. */
@Singleton
public class MediumRetention {

    private static final Logger LOG = Logger.getLogger(MediumRetention.class.getName());

    @Inject
    DispatchMedia media;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void deleteExpired() {
        int n = media.deleteExpired();
        if (n > 0) {
            LOG.info(() -> n + " dispatch medium file(s) past their retention period deleted");
        }
    }
}
