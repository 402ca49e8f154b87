package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.till.Events;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.devices.health.DeviceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What operators see of the counter (issue 19, item 3), as MicroProfile Metrics at {@code /metrics?scope=application}:
 * payments taken (count and HKD cents, by tender), device job outcomes by kind and their latency from record to
 * outcome, terminals online, jobs waiting (all, and per terminal), how many of each kind of device are in each state,
 * and the journal's entries (their rate is the appends). Counted after the commit, so a rolled-back sale counts
 * nothing; the gauges read the shared database, so every instance reports the network's figures.
 */
@ApplicationScoped
public class CounterMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    CounterOverview counters;

    @Inject
    DeviceJobs jobs;

    @Inject
    CounterJournal journal;

    private final java.util.Set<String> waitingGauges = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Map.Entry<Long, Map<String, Long>> lastWaiting;

    /** A short-lived look at the terminals for the gauges of one scrape (each gauge would otherwise read them again). */
    private volatile Map.Entry<Long, List<CounterOverview.TerminalView>> lastLook;

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        registry.gauge(Metadata.builder().withName("counter_terminals_online").withDescription("Terminals connected now").build(),
                this, m -> m.terminals().stream().filter(CounterOverview.TerminalView::online).count());
        registry.gauge(Metadata.builder().withName("counter_jobs_waiting").withDescription("Device jobs not yet finished, all terminals").build(),
                this, m -> m.jobs.unfinishedCount());
        registry.gauge(Metadata.builder().withName("counter_journal_entries")
                        .withDescription("Entries in the journal, all counters (committed appends; its rate is appends per second)").build(),
                this, m -> m.journal.entries());
        for (DeviceKind kind : DeviceKind.values()) {
            for (DeviceState state : DeviceState.values()) {
                registry.gauge(Metadata.builder().withName("counter_devices").withDescription("Devices of online terminals by kind and state").build(),
                        this, m -> m.devicesIn(kind, state), new Tag("kind", kind.name()), new Tag("state", state.name()));
            }
        }
    }

    private List<CounterOverview.TerminalView> terminals() {
        Map.Entry<Long, List<CounterOverview.TerminalView>> look = lastLook;
        long now = System.nanoTime();
        if (look == null || now - look.getKey() > Duration.ofSeconds(2).toNanos()) {
            look = Map.entry(now, counters.all());
            lastLook = look;
        }
        for (CounterOverview.TerminalView t : look.getValue()) {
            if (waitingGauges.add(t.terminalId())) {
                String id = t.terminalId();
                registry.gauge(Metadata.builder().withName("counter_terminal_jobs_waiting")
                        .withDescription("Device jobs not yet finished, per terminal").build(), this, m -> m.waitingAt(id), new Tag("terminal", id));
            }
        }
        return look.getValue();
    }

    private long waitingAt(String terminalId) {
        Map.Entry<Long, Map<String, Long>> look = lastWaiting;
        long now = System.nanoTime();
        if (look == null || now - look.getKey() > Duration.ofSeconds(2).toNanos()) {
            look = Map.entry(now, jobs.unfinishedByTerminal());
            lastWaiting = look;
        }
        return look.getValue().getOrDefault(terminalId, 0L);
    }

    private long devicesIn(DeviceKind kind, DeviceState state) {
        return terminals().stream().filter(CounterOverview.TerminalView::online).flatMap(t -> t.devices().stream())
                .filter(d -> d.kind() == kind && d.state() == state).count();
    }

    void saleTaken(@Observes(during = TransactionPhase.AFTER_SUCCESS) SaleWasTaken event) {
        SaleOutcome s = event.sale();
        for (Map<String, Object> t : s.tenders()) {
            Tag tender = new Tag("tender", String.valueOf(t.get("kind")));
            registry.counter(Metadata.builder().withName("counter_payments").withDescription("Payments taken, by tender").build(), tender).inc();
            registry.counter(Metadata.builder().withName("counter_payments_cents").withDescription("HKD cents taken, by tender")
                    .withUnit(MetricUnits.NONE).build(), tender).inc(Events.cents(t.get("cents")));
        }
    }

    void jobFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasFinished event) {
        Tag kind = new Tag("kind", event.kind());
        registry.counter(Metadata.builder().withName("counter_device_jobs").withDescription("Device jobs finished, by kind and outcome").build(),
                kind, new Tag("outcome", event.result().outcome().name())).inc();
        jobs.view(event.result().jobId()).filter(v -> v.createdAt() != null && v.completedAt() != null).ifPresent(v ->
                registry.timer(Metadata.builder().withName("counter_device_job_latency").withDescription("From a job's record to its outcome")
                        .build(), kind).update(Duration.between(v.createdAt(), v.completedAt())));
    }
}
