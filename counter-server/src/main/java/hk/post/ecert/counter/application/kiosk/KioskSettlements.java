package hk.post.ecert.counter.application.kiosk;

import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.JobWasFinished;
import hk.post.ecert.counter.domain.model.kiosk.EpsSettlement;
import hk.post.ecert.counter.domain.model.kiosk.KioskRecords;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The day's EPS settlement at an office's kiosks (issue 17): the supervisor asks each enrolled kiosk's payment device
 * to settle the day's approved sales into one batch (named by the kiosk and the day, so asking again is the same
 * batch); each batch the devices report is kept for the office's Z report, beside the EPS takings the kiosks' tills
 * journalled.
 */
@ApplicationScoped
public class KioskSettlements {

    static final Duration SETTLE_LIFETIME = Duration.ofMinutes(10);

    @Inject
    TerminalRepository terminals;

    @Inject
    DeviceJobs jobs;

    @Inject
    KioskRecords records;

    /** Asks every enrolled kiosk of the office to settle the day; returns the kiosks asked. */
    @Transactional
    public List<String> settle(String office, LocalDate day, String supervisor) {
        List<String> asked = terminals.all().stream().filter(Terminal::enrolledKiosk).filter(t -> t.officeCode().equals(office))
                .map(Terminal::terminalId).toList();
        for (String kiosk : asked) {
            String batch = EpsSettlement.batchOf(kiosk, day);
            jobs.submitOnce("EPS-SETTLE-" + batch, kiosk, JobKind.EPS_SETTLE, new java.util.LinkedHashMap<>(Map.of("batchId", batch)),
                    "EPS settlement " + batch, supervisor, SETTLE_LIFETIME);
        }
        return asked;
    }

    /** The batches reported for the office's day. */
    @Transactional
    public List<EpsSettlement> of(String office, LocalDate day) {
        return records.settlements(office, day);
    }

    void jobWasFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasFinished event) {
        if (JobKind.EPS_SETTLE.name().equals(event.kind())) {
            self.get().record(event.terminalId(), event.result());
        }
    }

    @Inject
    jakarta.enterprise.inject.Instance<KioskSettlements> self;

    /** Keeps a batch a kiosk's device reported (once). */
    @Transactional
    public void record(String terminalId, JobResult result) {
        String batch = result.output().get("batchId");
        if (result.outcome() != JobOutcome.DONE || batch == null || records.settlement(batch).isPresent()) {
            return;
        }
        Terminal t = terminals.find(terminalId).orElseThrow();
        LocalDate day = LocalDate.parse(batch.substring(batch.length() - 10));
        records.add(new EpsSettlement(batch, terminalId, t.officeCode(), day, Integer.parseInt(result.output().getOrDefault("count", "0")),
                Long.parseLong(result.output().getOrDefault("totalCents", "0")), result.output().getOrDefault("paymentIds", ""), Instant.now()));
    }
}
