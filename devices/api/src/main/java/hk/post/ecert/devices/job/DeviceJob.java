package hk.post.ecert.devices.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of device work the server sends to one terminal. The id is chosen by the server before the job is first
 * sent; the terminal runs each id at most once and answers a repeat with the first outcome.
 *
 * @param expiresAt after this instant the terminal refuses to start the job (a stale job is worse than none)
 */
public record DeviceJob(String jobId, String terminalId, JobKind kind, Instant expiresAt, Map<String, Object> payload) {

    public DeviceJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expiresAt, "expiresAt");
        payload = Map.copyOf(payload);
    }
}
