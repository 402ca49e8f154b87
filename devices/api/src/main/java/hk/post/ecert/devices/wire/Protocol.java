package hk.post.ecert.devices.wire;

import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.devices.health.DeviceState;
import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal protocol's messages (see {@code terminal/PROTOCOL.md}): one JSON object per WebSocket text frame,
 * with a {@code type} field. This class is the single place both sides encode and decode them.
 */
public final class Protocol {

    public static final String CHALLENGE = "challenge";
    public static final String HELLO = "hello";
    public static final String ENROL = "enrol";
    public static final String WELCOME = "welcome";
    public static final String HEALTH = "health";
    public static final String JOB = "job";
    public static final String RESULT = "result";
    public static final String ACK = "ack";
    public static final String PING = "ping";
    /**
     * A kiosk's agent asks for a one-time ticket that binds a browser on the kiosk PC to the kiosk (issue 17); the
     * server answers with {@code ticket}, or {@code error} when the terminal is not an enrolled kiosk.
     */
    public static final String KIOSK_TICKET = "kioskTicket";

    /** WebSocket close code for a terminal the server does not know, or whose signature is wrong. */
    public static final int CLOSE_UNAUTHORISED = 4401;

    /** The bytes a terminal signs to prove its identity: domain tag, nonce and terminal id. */
    public static byte[] signedChallenge(String nonce, String terminalId) {
        return ("ecert-counter-terminal-v1\n" + nonce + "\n" + terminalId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Where a terminal uploads a scanned page (HTTP POST beside the WebSocket endpoint). */
    public static final String PAGE_UPLOAD_PATH = "/terminal/pages";

    /** The bytes a terminal signs for an uploaded page: domain tag, terminal, job, page number and the PNG's SHA-256. */
    public static byte[] signedPage(String terminalId, String jobId, int sequence, String sha256Hex) {
        return ("ecert-counter-page-v1\n" + terminalId + "\n" + jobId + "\n" + sequence + "\n" + sha256Hex)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The HTTP base of a server's WebSocket URL: ws://host:8080/terminal/ws → http://host:8080. */
    public static java.net.URI httpBase(java.net.URI websocket) {
        String scheme = "wss".equals(websocket.getScheme()) ? "https" : "http";
        return java.net.URI.create(scheme + "://" + websocket.getRawAuthority());
    }

    private Protocol() {
    }

    public static String type(Map<String, Object> message) {
        Object t = message.get("type");
        if (!(t instanceof String s)) {
            throw new IllegalArgumentException("message without a type");
        }
        return s;
    }

    public static Map<String, Object> message(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    public static Map<String, Object> encodeJob(DeviceJob job) {
        Map<String, Object> m = message(JOB);
        m.put("jobId", job.jobId());
        m.put("terminalId", job.terminalId());
        m.put("kind", job.kind().name());
        m.put("expiresAt", job.expiresAt().toString());
        m.put("payload", job.payload());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static DeviceJob decodeJob(Map<String, Object> m) {
        return new DeviceJob((String) m.get("jobId"), (String) m.get("terminalId"), JobKind.valueOf((String) m.get("kind")),
                Instant.parse((String) m.get("expiresAt")), (Map<String, Object>) m.get("payload"));
    }

    public static Map<String, Object> encodeResult(JobResult r) {
        Map<String, Object> m = message(RESULT);
        m.put("jobId", r.jobId());
        m.put("outcome", r.outcome().name());
        m.put("reason", r.reason());
        m.put("detail", r.detail());
        m.put("evidence", r.evidence());
        m.put("output", r.output());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static JobResult decodeResult(Map<String, Object> m) {
        Map<String, String> evidence = new LinkedHashMap<>();
        Object ev = m.get("evidence");
        if (ev instanceof Map<?, ?> map) {
            map.forEach((k, v) -> evidence.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, String> output = new LinkedHashMap<>();
        Object out = m.get("output");
        if (out instanceof Map<?, ?> map) {
            map.forEach((k, v) -> output.put(String.valueOf(k), String.valueOf(v)));
        }
        return new JobResult((String) m.get("jobId"), JobOutcome.valueOf((String) m.get("outcome")),
                (String) m.get("reason"), (String) m.get("detail"), evidence, output);
    }

    public static Map<String, Object> encodeHealth(List<DeviceHealth> devices) {
        Map<String, Object> m = message(HEALTH);
        List<Object> list = new ArrayList<>();
        for (DeviceHealth d : devices) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", d.kind().name());
            e.put("model", d.model());
            e.put("state", d.state().name());
            e.put("detail", d.detail());
            list.add(e);
        }
        m.put("devices", list);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static List<DeviceHealth> decodeHealth(Map<String, Object> m) {
        List<DeviceHealth> out = new ArrayList<>();
        for (Object o : (List<Object>) m.get("devices")) {
            Map<String, Object> e = (Map<String, Object>) o;
            out.add(new DeviceHealth(DeviceKind.valueOf((String) e.get("kind")), (String) e.get("model"),
                    DeviceState.valueOf((String) e.get("state")), (String) e.get("detail")));
        }
        return out;
    }
}
