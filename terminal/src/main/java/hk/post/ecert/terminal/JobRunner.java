package hk.post.ecert.terminal;

import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.printer.PrintOutcome;
import hk.post.ecert.devices.printer.ReceiptCodec;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs device jobs, each id at most once. The journal is written before the device is touched and after it
 * answers; a repeat of a known id is answered from the journal.
 */
public final class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final JobJournal journal;
    private final CounterDevices devices;
    private final Clock clock;

    public JobRunner(JobJournal journal, CounterDevices devices, Clock clock) {
        this.journal = journal;
        this.devices = devices;
        this.clock = clock;
    }

    public synchronized JobResult run(DeviceJob job) throws IOException {
        var prior = journal.priorOutcome(job.jobId());
        if (prior.isPresent()) {
            LOG.info(() -> "job " + job.jobId() + " arrived again; answering with its first outcome " + prior.get().outcome());
            return prior.get();
        }
        if (clock.instant().isAfter(job.expiresAt())) {
            JobResult expired = new JobResult(job.jobId(), JobOutcome.EXPIRED, "EXPIRED", "arrived after its expiry", Map.of());
            journal.finished(expired);
            return expired;
        }
        journal.started(job.jobId());
        JobResult result = switch (job.kind()) {
            case PRINT_RECEIPT -> print(job);
        };
        journal.finished(result);
        return result;
    }

    private JobResult print(DeviceJob job) {
        ReceiptDocument receipt = ReceiptCodec.fromMap(job.payload());
        int before = devices.virtualPrinter().map(v -> v.receipts().size()).orElse(0);
        PrintOutcome outcome = devices.printer().print(receipt);
        Map<String, String> evidence = new HashMap<>();
        devices.virtualPrinter().ifPresent(v -> evidenceFrom(v, before, evidence));
        String reason = outcome.fault().map(Enum::name).orElse(outcome.paperNearEnd() ? "PAPER_NEAR_END" : null);
        return switch (outcome.state()) {
            case PRINTED -> new JobResult(job.jobId(), JobOutcome.DONE, reason, outcome.bytes() + " bytes printed", evidence);
            case NOT_PRINTED -> new JobResult(job.jobId(), JobOutcome.FAILED, reason, "printer refused before printing", evidence);
            case UNKNOWN -> new JobResult(job.jobId(), JobOutcome.UNKNOWN, reason,
                    "sent " + outcome.bytes() + " bytes but the printer did not confirm", evidence);
        };
    }

    private static void evidenceFrom(VirtualPrinter v, int before, Map<String, String> evidence) {
        try {
            if (v.awaitReceipts(before + 1, 2, TimeUnit.SECONDS)) {
                List<PrintedReceipt> all = v.receipts();
                PrintedReceipt r = all.get(all.size() - 1);
                evidence.put("text", r.text());
                evidence.put("png", r.pngBase64());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
