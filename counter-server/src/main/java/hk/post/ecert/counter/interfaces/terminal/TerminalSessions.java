package hk.post.ecert.counter.interfaces.terminal;

import hk.post.ecert.counter.application.Correlation;
import hk.post.ecert.counter.domain.model.terminal.TerminalConnections;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.JobWasRecorded;
import hk.post.ecert.counter.application.TerminalPresence;
import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import hk.post.ecert.counter.application.ServiceInstance;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Initialized;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authenticated terminal connections on this server instance, and delivery of device jobs to them.
 *
 * <p>Several instances share the database, and a job may be recorded on one instance while its terminal is
 * connected to another. The job table is the outbox: a job recorded here for a terminal connected here is sent as
 * soon as its record is committed; every half second each instance also sends the pending jobs of the terminals
 * connected to it, wherever they were recorded. A terminal that connects receives all its unfinished jobs (a job
 * delivered twice runs once: the terminal's journal answers a repeat with its first outcome).
 */
@ApplicationScoped
public class TerminalSessions implements TerminalPresence {

    private static final Logger LOG = Logger.getLogger(TerminalSessions.class.getName());

    /** How often the outbox is read for the terminals connected here. */
    static final long OUTBOX_POLL_MS = 500;
    /** A terminal connected to another instance counts as online while it was heard from this recently. */
    static final Duration ELSEWHERE_FRESH = Duration.ofSeconds(75);

    private final Map<String, Session> online = new ConcurrentHashMap<>();

    @Inject
    DeviceJobs jobs;

    @Inject
    ServiceInstance instance;

    @jakarta.inject.Inject
    TerminalConnections connections;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile ScheduledFuture<?> poller;
    private long ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        poller = scheduler.scheduleWithFixedDelay(this::pollOutbox, OUTBOX_POLL_MS, OUTBOX_POLL_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> p = poller;
        if (p != null) {
            p.cancel(false);
        }
    }

    /** Sends pending jobs (recorded on any instance) to the terminals connected here; closes revoked ones. */
    void pollOutbox() {
        try {
            if (online.isEmpty()) {
                return;
            }
            List<String> here = online.entrySet().stream().filter(e -> e.getValue().isOpen()).map(Map.Entry::getKey).toList();
            for (DeviceJobs.Pending p : jobs.pendingFor(here, Instant.now().minusMillis(OUTBOX_POLL_MS))) {
                deliver(p.terminalId(), p.jobId());
            }
            if (++ticks % 20 == 0) {
                for (String id : jobs.revokedAmong(here)) {
                    LOG.warning(() -> "terminal " + id + " was revoked (on another instance); closing its connection here");
                    disconnect(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the device job outbox failed; trying again", e);
        }
    }

    void register(String terminalId, Session session) {
        Session previous = online.put(terminalId, session);
        if (previous != null && previous != session && previous.isOpen()) {
            try {
                previous.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a superseded terminal session", e);
            }
        }
        connectedHere(terminalId, true);
    }

    void unregister(String terminalId, Session session) {
        if (online.remove(terminalId, session)) {
            connectedHere(terminalId, false);
        }
    }

    /** Records in the terminal's row that it is (or no longer is) connected to this instance. */
    private void connectedHere(String terminalId, boolean connected) {
        try {
            if (connected) {
                connections.connected(terminalId, instance.name(), Instant.now());
            } else {
                connections.disconnected(terminalId, instance.name());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record where terminal " + terminalId + " is connected", e);
        }
    }

    @Override
    public boolean isOnline(String terminalId) {
        if (Optional.ofNullable(online.get(terminalId)).map(Session::isOpen).orElse(false)) {
            return true;
        }
        // connected to another instance, and heard from lately (an instance that died leaves a stale row behind)
        return connections.lastSeen(terminalId)
                .filter(seen -> !seen.instance().equals(instance.name()))
                .map(seen -> seen.lastSeen().isAfter(Instant.now().minus(ELSEWHERE_FRESH)))
                .orElse(false);
    }

    @Override
    public void disconnect(String terminalId) {
        Session s = online.remove(terminalId);
        if (s != null) {
            connectedHere(terminalId, false);   // the close callback no longer finds it in the map
        }
        if (s != null && s.isOpen()) {
            try {
                s.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.getCloseCode(
                        Protocol.CLOSE_UNAUTHORISED), "REVOKED"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a revoked terminal's session", e);
            }
        }
    }

    /**
     * A job just committed goes to its terminal at once, but not on the clerk's request: reading, encoding and sending
     * it (and attaching what it carries, {@link hk.post.ecert.counter.application.DeliveryAttachment}) is the
     * terminal's wait, not the screen's. If this instance cannot run it now, the outbox poller sends it.
     */
    void jobWasRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasRecorded event) {
        if (online.get(event.terminalId()) == null) {
            return;   // not connected here: the instance it is connected to sends it from the outbox
        }
        try {
            scheduler.execute(() -> {
                try {
                    deliver(event.terminalId(), event.jobId(), false);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "job " + event.jobId() + " not sent at once; the outbox poller sends it", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.FINE, "job " + event.jobId() + " left to the outbox poller", e);
        }
    }

    /** Sends every unfinished job of a terminal that just connected, oldest first (sent ones again: it may not have them). */
    void deliverBacklog(String terminalId) {
        for (String jobId : jobs.unfinishedFor(terminalId)) {
            deliver(terminalId, jobId, true);
        }
    }

    void deliver(String terminalId, String jobId) {
        deliver(terminalId, jobId, false);
    }

    /**
     * Sends a job to the terminal if it is connected here. A first send claims the job (PENDING → SENT) so that the
     * commit event and the outbox poller, on this or another instance, send it once; a redelivery after a reconnect
     * sends it again, and the terminal answers a repeat with its first outcome.
     */
    void deliver(String terminalId, String jobId, boolean redeliver) {
        Session session = online.get(terminalId);
        if (session == null || !session.isOpen()) {
            return;
        }
        Optional<DeviceJob> job = jobs.deliverable(jobId);
        if (job.isEmpty() || (!redeliver && !jobs.claimForSending(jobId))) {
            return;
        }
        try {
            send(session, Json.write(Protocol.encodeJob(job.get())));
            // a first sending at FINE (every receipt has one: the console's lock is shared by every thread); again at INFO
            LOG.log(redeliver ? Level.INFO : Level.FINE, () -> "job " + jobId + " sent to " + terminalId + (redeliver ? " again" : "")
                    + Correlation.tag(job.get().payload().get(Correlation.KEY)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "job " + jobId + " not delivered to " + terminalId + "; it goes when the terminal reconnects", e);
        }
    }

    static void send(Session session, String text) throws IOException {
        // A WebSocket session's basic remote must not be used by two threads at once.
        synchronized (session) {
            session.getBasicRemote().sendText(text);
        }
    }
}
