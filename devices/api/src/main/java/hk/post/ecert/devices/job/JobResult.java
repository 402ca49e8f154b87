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
 * @param output   what the job produced for the server (e.g. the CSR signed on a token); never a secret
 */
public record JobResult(String jobId, JobOutcome outcome, String reason, String detail, Map<String, String> evidence,
                        Map<String, String> output) {

    public JobResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(outcome, "outcome");
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        output = output == null ? Map.of() : Map.copyOf(output);
    }

    public JobResult(String jobId, JobOutcome outcome, String reason, String detail, Map<String, String> evidence) {
        this(jobId, outcome, reason, detail, evidence, Map.of());
    }
}
