package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.domain.model.fee.Money;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An office's business day: every till's ledger and the totals across them — by fee item, tender, certificate type
 * and clerk — all folded from the journal. Nothing here can be set by hand.
 */
public record DayReport(String office, LocalDate day, List<TillSession> tills, List<TillLedger> ledgers, List<EpsBatch> epsSettlements) {

    public DayReport(String office, LocalDate day, List<TillSession> tills, List<TillLedger> ledgers) {
        this(office, day, tills, ledgers, List.of());
    }

    /** A kiosk's EPS settlement batch as its payment device reported it (issue 17). */
    public record EpsBatch(String terminalId, String batchId, long count, long cents) {
    }

    /** The same day with the kiosks' EPS settlement batches beside it. */
    public DayReport withEpsSettlements(List<EpsBatch> batches) {
        return new DayReport(office, day, tills, ledgers, List.copyOf(batches));
    }

    /** Each kiosk's EPS takings as its till journalled them (count, cents), by kiosk id: what its batch must settle. */
    public Map<String, long[]> kioskEpsTakings() {
        Map<String, long[]> out = new java.util.TreeMap<>();
        for (TillLedger l : ledgers) {
            Kiosks.kioskOf(l.clerk()).ifPresent(kiosk -> {
                long[] a = out.computeIfAbsent(kiosk, x -> new long[2]);
                l.byTender().forEach((k, t) -> {
                    if (k == TenderKind.EPS) {
                        a[0] += t.count();
                        a[1] += t.cents();
                    }
                });
            });
        }
        return out;
    }

    /** Totals by fee item code. */
    public Map<String, long[]> byFeeItem() {
        return sum(TillLedger::byFeeItem);
    }

    public Map<String, long[]> byCertificateType() {
        return sum(TillLedger::byCertificateType);
    }

    /** Net takings by hour of the day (Hong Kong), count and cents. */
    public Map<Integer, long[]> byHour() {
        Map<Integer, long[]> out = new TreeMap<>();
        for (TillLedger l : ledgers) {
            l.byHour().forEach((k, t) -> {
                long[] a = out.computeIfAbsent(k, x -> new long[2]);
                a[0] += t.count();
                a[1] += t.cents();
            });
        }
        return out;
    }

    /** Services sold net of reversals ("EXTENSION PERSONAL", "RENEWAL SERVER"…), count and cents. */
    public Map<String, long[]> byService() {
        return sum(TillLedger::byService);
    }

    public Map<String, long[]> byClerk() {
        return sum(TillLedger::byClerk);
    }

    public Map<TenderKind, long[]> byTender() {
        Map<TenderKind, long[]> out = new EnumMap<>(TenderKind.class);
        for (TillLedger l : ledgers) {
            l.byTender().forEach((k, t) -> {
                long[] a = out.computeIfAbsent(k, x -> new long[2]);
                a[0] += t.count();
                a[1] += t.cents();
            });
        }
        return out;
    }

    private Map<String, long[]> sum(Function<TillLedger, Map<String, TillLedger.Tally>> f) {
        Map<String, long[]> out = new TreeMap<>();
        for (TillLedger l : ledgers) {
            f.apply(l).forEach((k, t) -> {
                long[] a = out.computeIfAbsent(k, x -> new long[2]);
                a[0] += t.count();
                a[1] += t.cents();
            });
        }
        return out;
    }

    public Money netTakings() {
        return Money.ofCents(ledgers.stream().mapToLong(l -> l.netTakings().cents()).sum());
    }

    public Money expectedCash() {
        return Money.ofCents(ledgers.stream().mapToLong(l -> l.expectedAtCount().orElse(l.expectedCash()).cents()).sum());
    }

    public Money counted() {
        return Money.ofCents(ledgers.stream().mapToLong(l -> l.counted().map(Money::cents).orElse(0L)).sum());
    }

    /** The sum of every till's variance — never zeroed, never hidden. */
    public Money variance() {
        return Money.ofCents(ledgers.stream().mapToLong(l -> l.variance().map(Money::cents).orElse(0L)).sum());
    }

    public int sales() {
        return ledgers.stream().mapToInt(TillLedger::sales).sum();
    }
}
