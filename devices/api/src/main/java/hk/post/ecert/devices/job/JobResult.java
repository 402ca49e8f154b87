package hk.post.ecert.devices.job;

import java.util.Map;
import java.util.Objects;

/**
 * The terminal's report on one job.
 *
 * @param reason   a typed failure reason (e.g. {@code PAPER_OUT}) or {@code null} when DONE
 * @param detail   a short human-readable detail for the clerk and the log (never personal data)
 * @param evidence what a simulator observed, for a person to look at (decoded receipt text, a PNG as base64);
 *                 real devices leave it empty
 */
public record JobResult(String jobId, JobOutcome outcome, String reason, String detail, Map<String, String> evidence) {

    public JobResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(outcome, "outcome");
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
