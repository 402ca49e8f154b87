package hk.post.ecert.counter.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * This instance of the counter service among the several that share the database: its name (for the terminal
 * table and the logs) and a once-a-day claim for scheduled jobs, so that a nightly job runs on one instance only.
 */
@ApplicationScoped
public class ServiceInstance {

    private static final Logger LOG = Logger.getLogger(ServiceInstance.class.getName());

    @Inject
    @ConfigProperty(name = "counter.instance.name")
    Optional<String> configured;

    @Inject
    ScheduledRuns runs;

    private String name;

    public synchronized String name() {
        if (name == null) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
            name = configured.orElse(host + "/" + ProcessHandle.current().pid() + "/"
                    + UUID.randomUUID().toString().substring(0, 8));
            LOG.info(() -> "this counter service instance is " + name);
        }
        return name;
    }

    /**
     * Claims {@code job} for {@code day}: true on exactly one instance (the first to insert the claim); a second
     * claim of the same day fails on the primary key and answers false.
     */
    public boolean claim(String job, LocalDate day) {
        boolean mine = runs.claim(job, day, name());
        if (!mine) {
            LOG.info(() -> job + " for " + day + " is run by another instance");
        }
        return mine;
    }
}
