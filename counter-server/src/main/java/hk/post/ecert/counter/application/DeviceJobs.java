package hk.post.ecert.counter.application;

import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRecord;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRepository;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.printer.ReceiptCodec;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.wire.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Device jobs from the server's side: record a job (its id chosen here, before it is first sent), hand it to the
 * terminal gateway after the record is committed, and record the terminal's one outcome.
 */
@ApplicationScoped
@Transactional
public class DeviceJobs {

    private static final Logger LOG = Logger.getLogger(DeviceJobs.class.getName());

    /** A receipt job not started within this time is stale: the customer has left the counter. */
    static final Duration PRINT_JOB_LIFETIME = Duration.ofMinutes(10);

    @Inject
    DeviceJobRepository jobs;

    @Inject
    TerminalRepository terminals;

    @Inject
    Event<JobWasRecorded> recorded;

    @Inject
    Event<JobWasFinished> finished;

    @Inject
    JobSecrets secrets;

    @Inject
    jakarta.enterprise.inject.Instance<DeliveryAttachment> attachments;

    /**
     * Records a print job. Its id follows from {@code printId}, which the screen chose before the first submit:
     * submitting the same print again (double click, retry, replay) returns the first job and prints nothing more.
     * A reprint is a new print id with the receipt marked as a copy.
     */
    public String submitPrintOnce(String printId, String terminalId, ReceiptDocument receipt, String summary,
                                  String requestedBy) {
        return submitOnce("JOB-" + printId, terminalId, JobKind.PRINT_RECEIPT, ReceiptCodec.toMap(receipt), summary,
                requestedBy, PRINT_JOB_LIFETIME);
    }

    /**
     * Records a device job under an id the caller derived before the first submit; a repeat returns the existing job.
     * The payload must hold no secret: a PIN travels only through {@link JobSecrets}, named by {@code secretRef}.
     */
    public String submitOnce(String jobId, String terminalId, JobKind kind, Map<String, Object> payload, String summary,
                             String requestedBy, Duration lifetime) {
        if (jobs.find(jobId).isPresent()) {
            return jobId;
        }
        if (payload.containsKey("pin")) {
            throw new IllegalArgumentException("a PIN must not be stored with a job");
        }
        if (terminals.find(terminalId).filter(t -> t.enrolled()).isEmpty()) {
            throw new NoSuchElementException("no enrolled terminal " + terminalId);
        }
        Instant now = Instant.now();
        Optional<String> corr = Correlation.current();
        if (corr.isPresent()) {
            payload = new java.util.LinkedHashMap<>(payload);
            payload.put(Correlation.KEY, corr.get());
        }
        jobs.add(new DeviceJobRecord(jobId, terminalId, kind.name(), summary, Json.write(payload), requestedBy, now,
                now.plus(lifetime)));
        recorded.fire(new JobWasRecorded(terminalId, jobId));
        // FINE: the job's row is its record (the Device history shows it). At INFO, every receipt wrote a line to the
        // console inside its transaction, under the console's lock: in bin/bench counter-flow, 894 of 1,000 receipts
        // waited there, 160 ms on average, holding their connection (a JFR recording of monitor waits)
        LOG.fine(() -> "job " + jobId + " (" + kind + ") recorded for " + terminalId + " by " + requestedBy + Correlation.tag(corr.orElse(null)));
        return jobId;
    }

    /**
     * The job as it goes on the wire, if it should still be delivered. A job past its expiry is closed as EXPIRED
     * instead of being sent.
     */
    @SuppressWarnings("unchecked")
    public Optional<DeviceJob> deliverable(String jobId) {
        Optional<DeviceJobRecord> found = jobs.find(jobId);
        if (found.isEmpty() || found.get().status().finished()) {
            return Optional.empty();
        }
        DeviceJobRecord r = found.get();
        Instant now = Instant.now();
        if (now.isAfter(r.expiresAt())) {
            r.outcomeWasReported(JobStatus.EXPIRED, "EXPIRED", "not delivered before its expiry", null, null, now);
            finished.fire(new JobWasFinished(r.terminalId(), r.kind(), new JobResult(r.jobId(),
                    JobOutcome.EXPIRED, "EXPIRED", "not delivered before its expiry", Map.of())));
            return Optional.empty();
        }
        JobKind kind = JobKind.valueOf(r.kind());
        Map<String, Object> payload = Json.readObject(r.payload());
        if (kind.carriesPin()) {
            Optional<char[]> pin = secrets.pin((String) payload.get("secretRef"));
            if (pin.isEmpty()) {
                r.outcomeWasReported(JobStatus.FAILED, "PIN_NEEDED", "the PIN is no longer held; ask the customer again",
                        null, null, now);
                finished.fire(new JobWasFinished(r.terminalId(), r.kind(), new JobResult(r.jobId(),
                        JobOutcome.FAILED, "PIN_NEEDED", "the PIN is no longer held", Map.of())));
                return Optional.empty();
            }
            payload = new java.util.LinkedHashMap<>(payload);
            payload.put("pin", new String(pin.get()));
            java.util.Arrays.fill(pin.get(), '\0');
        }
        for (DeliveryAttachment a : attachments) {
            payload = a.attach(kind, payload);
        }
        return Optional.of(new DeviceJob(r.jobId(), r.terminalId(), kind, r.expiresAt(), payload));
    }

    /** A job waiting in the outbox for its terminal. */
    public record Pending(String jobId, String terminalId) {
    }

    /** The outbox: jobs recorded before {@code before} and not yet sent, for these terminals, oldest first. */
    public List<Pending> pendingFor(java.util.Collection<String> terminalIds, Instant before) {
        if (terminalIds.isEmpty()) {
            return List.of();
        }
        return jobs.pendingFor(terminalIds, before).stream().map(r -> new Pending(r.jobId(), r.terminalId())).toList();
    }

    /** Which of these terminals have been revoked. */
    public List<String> revokedAmong(java.util.Collection<String> terminalIds) {
        return terminalIds.stream().filter(id -> terminals.find(id).map(t -> t.revoked()).orElse(true)).toList();
    }

    /** How many jobs are waiting (not finished), all terminals: for the operators' metrics. */
    public long unfinishedCount() {
        return jobs.unfinishedCount();
    }

    public java.util.Map<String, Long> unfinishedByTerminal() {
        return jobs.unfinishedByTerminal();
    }

    public List<String> unfinishedFor(String terminalId) {
        return jobs.unfinishedFor(terminalId).stream().map(DeviceJobRecord::jobId).toList();
    }

    /**
     * Claims a pending job for sending: true for exactly one caller (on any instance), which then sends it; a job
     * already sent is not claimed again (a terminal that reconnects gets its unfinished jobs through the backlog).
     */
    public boolean claimForSending(String jobId) {
        return jobs.claimPending(jobId, Instant.now());
    }

    /**
     * Records a terminal's report. A report for another terminal's job is refused; a repeated report is
     * acknowledged without changing the first outcome.
     *
     * @return {@code true} when the report belongs to this terminal (recorded now or earlier)
     */
    public boolean recordResult(String terminalId, JobResult result) {
        Optional<DeviceJobRecord> job = jobs.find(result.jobId());
        if (job.isEmpty() || !job.get().terminalId().equals(terminalId)) {
            LOG.warning(() -> "terminal " + terminalId + " reported a job that is not its own: " + result.jobId());
            return false;
        }
        Object corr = correlationOf(job.get());
        if (corr != null && Correlation.current().isEmpty()) {
            Correlation.set(corr.toString());   // a job this outcome starts (the next step of a saga) carries the same id
        }
        // a job done is in its row; one that did not end DONE is also told to the operator's log
        LOG.log(result.outcome() == JobOutcome.DONE ? Level.FINE : Level.INFO,
                () -> "job " + result.jobId() + " ended " + result.outcome() + (result.reason() == null ? "" : " (" + result.reason() + ")")
                        + " at " + terminalId + Correlation.tag(corr));
        boolean first = job.get().outcomeWasReported(JobStatus.valueOf(result.outcome().name()), result.reason(),
                result.detail(), result.evidence().get("text"), result.evidence().get("png"), Instant.now());
        if (first) {
            finished.fire(new JobWasFinished(terminalId, job.get().kind(), result));
        } else {
            LOG.info(() -> "repeated result for " + result.jobId() + " ignored; the first outcome stands");
        }
        return true;
    }

    private static Object correlationOf(DeviceJobRecord r) {
        try {
            return Json.readObject(r.payload()).get(Correlation.KEY);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Optional<JobView> view(String jobId) {
        return jobs.find(jobId).map(JobView::of);
    }

    public List<JobView> recentReceipts(String terminalId, int max) {
        return jobs.recentFinished(terminalId, JobKind.PRINT_RECEIPT.name(), max).stream().map(JobView::of).toList();
    }

    /** What a screen shows of a job. */
    public record JobView(String jobId, String terminalId, String summary, JobStatus status, String reason, String detail,
                          Instant createdAt, Instant completedAt, String evidenceText, String evidencePng) {
        static JobView of(DeviceJobRecord r) {
            return new JobView(r.jobId(), r.terminalId(), r.summary(), r.status(), r.reason().orElse(null),
                    r.detail().orElse(null), r.createdAt(), r.completedAt().orElse(null),
                    r.evidenceText().orElse(null), r.evidencePng().orElse(null));
        }
    }
}
