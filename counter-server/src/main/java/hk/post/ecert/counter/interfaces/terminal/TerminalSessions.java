package hk.post.ecert.counter.interfaces.terminal;

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

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authenticated terminal connections on this server instance, and delivery of device jobs to them. A job is
 * delivered after its record is committed; an offline terminal receives its unfinished jobs when it next connects.
 */
@ApplicationScoped
public class TerminalSessions implements TerminalPresence {

    private static final Logger LOG = Logger.getLogger(TerminalSessions.class.getName());

    private final Map<String, Session> online = new ConcurrentHashMap<>();

    @Inject
    DeviceJobs jobs;

    void register(String terminalId, Session session) {
        Session previous = online.put(terminalId, session);
        if (previous != null && previous != session && previous.isOpen()) {
            try {
                previous.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a superseded terminal session", e);
            }
        }
    }

    void unregister(String terminalId, Session session) {
        online.remove(terminalId, session);
    }

    @Override
    public boolean isOnline(String terminalId) {
        return Optional.ofNullable(online.get(terminalId)).map(Session::isOpen).orElse(false);
    }

    @Override
    public void disconnect(String terminalId) {
        Session s = online.remove(terminalId);
        if (s != null && s.isOpen()) {
            try {
                s.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.getCloseCode(
                        hk.post.ecert.devices.wire.Protocol.CLOSE_UNAUTHORISED), "REVOKED"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a revoked terminal's session", e);
            }
        }
    }

    void jobWasRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasRecorded event) {
        deliver(event.terminalId(), event.jobId());
    }

    /** Sends every unfinished job of a terminal that just connected, oldest first. */
    void deliverBacklog(String terminalId) {
        for (String jobId : jobs.unfinishedFor(terminalId)) {
            deliver(terminalId, jobId);
        }
    }

    void deliver(String terminalId, String jobId) {
        Session session = online.get(terminalId);
        if (session == null || !session.isOpen()) {
            return;
        }
        Optional<DeviceJob> job = jobs.deliverable(jobId);
        if (job.isEmpty()) {
            return;
        }
        try {
            send(session, Json.write(Protocol.encodeJob(job.get())));
            jobs.jobWasSent(jobId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "job " + jobId + " not delivered to " + terminalId + "; it stays pending", e);
        }
    }

    static void send(Session session, String text) throws IOException {
        // A WebSocket session's basic remote must not be used by two threads at once.
        synchronized (session) {
            session.getBasicRemote().sendText(text);
        }
    }
}
