package hk.post.ecert.counter.interfaces.terminal;

import hk.post.ecert.counter.application.Correlation;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.TerminalEnrolment;
import hk.post.ecert.counter.application.TerminalHealth;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;
import jakarta.inject.Inject;
import hk.post.ecert.counter.application.kiosk.Kiosks;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where terminals dial in (see {@code terminal/PROTOCOL.md}). Each connection starts with a challenge; nothing
 * but {@code hello} or {@code enrol} is accepted until the terminal has proven its identity.
 */
@ServerEndpoint("/terminal/ws")
public class TerminalEndpoint {

    private static final Logger LOG = Logger.getLogger(TerminalEndpoint.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NONCE = "nonce";
    private static final String TERMINAL = "terminalId";

    @Inject
    Kiosks kiosks;

    @Inject
    TerminalEnrolment enrolment;

    @Inject
    TerminalSessions sessions;

    @Inject
    DeviceJobs jobs;

    @Inject
    TerminalHealth health;

    @OnOpen
    public void open(Session session) throws IOException {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        String n = Base64.getEncoder().encodeToString(nonce);
        session.getUserProperties().put(NONCE, n);
        session.setMaxIdleTimeout(120_000);
        // Until the terminal has proven who it is, only a hello or an enrolment fits (a few hundred bytes).
        session.setMaxTextMessageBufferSize(MAX_BEFORE_AUTHENTICATION);
        Map<String, Object> m = Protocol.message(Protocol.CHALLENGE);
        m.put("nonce", n);
        TerminalSessions.send(session, Json.write(m));
    }

    /** The largest message before authentication: a hello or an enrolment with its key and signature. */
    static final int MAX_BEFORE_AUTHENTICATION = 4096;
    /** The largest message of an authenticated terminal (a device result). */
    static final int MAX_AUTHENTICATED = 8_000_000;

    @OnMessage(maxMessageSize = MAX_AUTHENTICATED)
    public void message(String text, Session session) throws IOException {
        try {
            handle(text, session);
        } finally {
            Correlation.clear();   // a job's id, adopted for its follow-ups, ends here
        }
    }

    private void handle(String text, Session session) throws IOException {
        if (session.getUserProperties().get(TERMINAL) == null && text.length() > MAX_BEFORE_AUTHENTICATION) {
            close(session, CloseReason.CloseCodes.TOO_BIG, "authenticate first");
            return;
        }
        Map<String, Object> m;
        try {
            m = Json.readObject(text);
        } catch (IllegalArgumentException e) {
            close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "malformed message");
            return;
        }
        String type = Protocol.type(m);
        String terminalId = (String) session.getUserProperties().get(TERMINAL);
        if (terminalId == null) {
            try {
                authenticate(type, m, session);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a terminal's hello could not be checked (the database is away?); asking it to reconnect", e);
                close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "try again");
            }
            return;
        }
        switch (type) {
            case Protocol.HEALTH -> health.reported(terminalId, Protocol.decodeHealth(m));
            case Protocol.RESULT -> {
                JobResult result = Protocol.decodeResult(m);
                boolean recorded;
                try {
                    recorded = recordResult(terminalId, result);
                } catch (RuntimeException e) {
                    // The report is not recorded (the database is away): the terminal reports once, so ask it to come
                    // back. On its reconnect the job is sent again and the terminal answers from its job journal.
                    LOG.log(Level.WARNING, "the result of " + result.jobId() + " from " + terminalId
                            + " could not be recorded; asking the terminal to reconnect", e);
                    close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "result not recorded");
                    return;
                }
                if (recorded) {
                    Map<String, Object> ack = Protocol.message(Protocol.ACK);
                    ack.put("jobId", result.jobId());
                    TerminalSessions.send(session, Json.write(ack));
                }
            }
            case Protocol.PING -> health.seen(terminalId);
            case Protocol.KIOSK_TICKET -> {
                Map<String, Object> reply = Protocol.message(Protocol.KIOSK_TICKET);
                reply.put("request", String.valueOf(m.get("request")));
                try {
                    reply.put("ticket", kiosks.issueTicket(terminalId));
                } catch (SecurityException e) {
                    reply.put("error", "NOT_A_KIOSK");
                }
                TerminalSessions.send(session, Json.write(reply));
            }
            default -> LOG.warning(() -> "terminal " + terminalId + " sent an unknown message type " + type);
        }
    }

    /**
     * Records a terminal's report, trying again when the job's row changed under it (another instance sent it at the
     * same moment): the terminal reports once, so the report must not be lost to a write conflict.
     */
    private boolean recordResult(String terminalId, JobResult result) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jobs.recordResult(terminalId, result);
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
                LOG.log(Level.INFO, "recording the result of " + result.jobId() + " failed (a concurrent change, or the database away); trying again", e);
            }
        }
    }

    private void authenticate(String type, Map<String, Object> m, Session session) throws IOException {
        String nonce = (String) session.getUserProperties().get(NONCE);
        String terminalId = (String) m.get(TERMINAL);
        if (terminalId == null || !(Protocol.HELLO.equals(type) || Protocol.ENROL.equals(type))) {
            close(session, Protocol.CLOSE_UNAUTHORISED, "authenticate first");
            return;
        }
        TerminalEnrolment.Verdict verdict = Protocol.HELLO.equals(type)
                ? enrolment.authenticate(terminalId, nonce, (String) m.get("signature"))
                : enrolment.enrol(terminalId, (String) m.get("code"), (String) m.get("publicKey"), nonce,
                (String) m.get("signature"));
        if (verdict != TerminalEnrolment.Verdict.ACCEPTED) {
            LOG.warning(() -> "terminal " + terminalId + " refused: " + verdict);
            close(session, Protocol.CLOSE_UNAUTHORISED, verdict.name());
            return;
        }
        session.getUserProperties().put(TERMINAL, terminalId);
        session.setMaxTextMessageBufferSize(MAX_AUTHENTICATED);
        sessions.register(terminalId, session);
        Map<String, Object> welcome = Protocol.message(Protocol.WELCOME);
        welcome.put(TERMINAL, terminalId);
        TerminalSessions.send(session, Json.write(welcome));
        LOG.info(() -> "terminal " + terminalId + " online (" + type + ")");
        try {
            sessions.deliverBacklog(terminalId);
        } catch (RuntimeException e) {
            // its unfinished jobs could not be read: a terminal left connected would wait for them for ever
            LOG.log(Level.WARNING, "the backlog of " + terminalId + " could not be sent; asking the terminal to reconnect", e);
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "backlog not sent");
        }
    }

    @OnClose
    public void closed(Session session) {
        String terminalId = (String) session.getUserProperties().get(TERMINAL);
        if (terminalId != null) {
            sessions.unregister(terminalId, session);
            LOG.info(() -> "terminal " + terminalId + " offline");
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        LOG.log(Level.FINE, "terminal connection error", t);
    }

    private static void close(Session session, int code, String why) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), why));
    }

    private static void close(Session session, CloseReason.CloseCode code, String why) throws IOException {
        session.close(new CloseReason(code, why));
    }
}
