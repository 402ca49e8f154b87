package hk.post.ecert.counter.domain.model.devicejob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * The server's record of one device job: what was asked of which terminal, and its one outcome. The first result
 * reported wins; a repeated report of the same job changes nothing.
 */
@Entity
@Table(name = "device_job")
public class DeviceJobRecord {

    @Id
    @Column(name = "job_id")
    private String jobId;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String summary;

    @Lob
    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    private String reason;

    private String detail;

    @Lob
    @Column(name = "evidence_text")
    private String evidenceText;

    @Lob
    @Column(name = "evidence_png")
    private String evidencePng;

    @Version
    private long version;

    protected DeviceJobRecord() {
    }

    public DeviceJobRecord(String jobId, String terminalId, String kind, String summary, String payload,
                           String requestedBy, Instant createdAt, Instant expiresAt) {
        this.jobId = jobId;
        this.terminalId = terminalId;
        this.kind = kind;
        this.summary = summary;
        this.payload = payload;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.status = JobStatus.PENDING;
    }

    public void wasSent(Instant at) {
        if (status == JobStatus.PENDING) {
            status = JobStatus.SENT;
        }
        if (sentAt == null) {
            sentAt = at;
        }
    }

    /**
     * Records the terminal's report. Only the first report counts.
     *
     * @return {@code true} if this report was recorded, {@code false} if the job already had its outcome
     */
    public boolean outcomeWasReported(JobStatus outcome, String reason, String detail, String evidenceText,
                                      String evidencePng, Instant at) {
        if (status.finished()) {
            return false;
        }
        this.status = outcome;
        this.reason = ReportedText.fit(reason, 64);   // the lengths of device_job.reason and .detail
        this.detail = ReportedText.fit(detail, 512);
        this.evidenceText = evidenceText;
        this.evidencePng = evidencePng;
        this.completedAt = at;
        return true;
    }

    public String jobId() {
        return jobId;
    }

    public String terminalId() {
        return terminalId;
    }

    public String kind() {
        return kind;
    }

    public String summary() {
        return summary;
    }

    public String payload() {
        return payload;
    }

    public JobStatus status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> evidenceText() {
        return Optional.ofNullable(evidenceText);
    }

    public Optional<String> evidencePng() {
        return Optional.ofNullable(evidencePng);
    }
}
