package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.DataFile;
import hk.post.ecert.journal.JournalEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One till session's figures, folded from its journal entries and nothing else: the float, takings by tender,
 * by fee item, by certificate type and by clerk, voids, refunds, drops, pickups, corrections, the expected cash and —
 * once counted — the count and the variance.
 */
public final class TillLedger {

    /** A running count and amount. */
    public static final class Tally {
        private int count;
        private long cents;

        void add(int n, long c) {
            count += n;
            cents = Math.addExact(cents, c);
        }

        public int count() {
            return count;
        }

        public Money amount() {
            return Money.ofCents(cents);
        }

        public long cents() {
            return cents;
        }
    }

    private final String tillId;
    private String clerk;
    private String counter;
    private long openingFloat;
    private int sales;
    private int voids;
    private int refunds;
    private long reversed;
    private long cashKept;
    private long cashOut;
    private long drops;
    private long pickups;
    private long corrections;
    private Long counted;
    private Long expectedAtCount;
    private String varianceReason;
    private String signedOffBy;
    private final Map<TenderKind, Tally> tenders = new EnumMap<>(TenderKind.class);
    private final Map<String, Tally> items = new TreeMap<>();
    private final Map<String, Tally> types = new TreeMap<>();
    private final Map<String, Tally> clerks = new TreeMap<>();
    private final Map<Integer, Tally> hours = new TreeMap<>();
    private final Map<String, Tally> services = new TreeMap<>();
    private final List<String> correctionNotes = new ArrayList<>();

    public TillLedger(String tillId) {
        this.tillId = tillId;
    }

    /** Folds the entries that belong to this till (others are ignored). */
    public static TillLedger of(String tillId, Iterable<JournalEntry> entries) {
        TillLedger l = new TillLedger(tillId);
        for (JournalEntry e : entries) {
            l.apply(e);
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    public void apply(JournalEntry e) {
        if (!e.payload().startsWith("{")) {
            return;
        }
        Map<String, Object> p = DataFile.readObject(e.payload());
        if (!tillId.equals(p.get("till"))) {
            return;
        }
        counter = e.counter();
        switch (e.kind()) {
            case Events.TILL_OPENED -> {
                openingFloat = e.amountCents();
                clerk = (String) p.get("clerk");
            }
            case Events.SALE -> {
                sales++;
                String who = (String) p.get("clerk");
                clerks.computeIfAbsent(who, k -> new Tally()).add(1, e.amountCents());
                for (Object o : (List<Object>) p.get("lines")) {
                    Map<String, Object> line = (Map<String, Object>) o;
                    long c = cents(line.get("cents"));
                    items.computeIfAbsent((String) line.get("item"), k -> new Tally()).add(1, c);
                    types.computeIfAbsent((String) line.get("type"), k -> new Tally()).add(1, c);
                }
                hours.computeIfAbsent(hourOf(e), k -> new Tally()).add(1, e.amountCents());
                serviceTally((List<Object>) p.get("lines"), 1);
                long change = cents(p.get("change"));
                for (Object o : (List<Object>) p.get("tenders")) {
                    Map<String, Object> t = (Map<String, Object>) o;
                    TenderKind kind = TenderKind.valueOf((String) t.get("kind"));
                    long c = cents(t.get("cents"));
                    if (kind == TenderKind.CASH) {
                        c -= change;
                        change = 0;   // change comes out of the first cash tender's takings
                        cashKept += c;
                    }
                    tenders.computeIfAbsent(kind, k -> new Tally()).add(1, c);
                }
            }
            case Events.VOID, Events.REFUND -> {
                if (Events.VOID.equals(e.kind())) {
                    voids++;
                } else {
                    refunds++;
                }
                reversed += -e.amountCents();
                String who = (String) p.get("saleClerk");
                hours.computeIfAbsent(hourOf(e), k -> new Tally()).add(0, e.amountCents());
                serviceTally((List<Object>) p.get("lines"), -1);
                clerks.computeIfAbsent(who, k -> new Tally()).add(0, e.amountCents());
                for (Object o : (List<Object>) p.get("lines")) {
                    Map<String, Object> line = (Map<String, Object>) o;
                    long c = cents(line.get("cents"));
                    items.computeIfAbsent((String) line.get("item"), k -> new Tally()).add(0, -c);
                    types.computeIfAbsent((String) line.get("type"), k -> new Tally()).add(0, -c);
                }
                for (Object o : (List<Object>) p.get("tenders")) {
                    Map<String, Object> t = (Map<String, Object>) o;
                    TenderKind kind = TenderKind.valueOf((String) t.get("kind"));
                    long c = cents(t.get("cents"));
                    if (kind == TenderKind.CASH) {
                        cashOut += c;
                    }
                    tenders.computeIfAbsent(kind, k -> new Tally()).add(0, -c);
                }
            }
            case Events.CASH_DROP -> drops += e.amountCents();
            case Events.CASH_PICKUP -> pickups += e.amountCents();
            case Events.TILL_COUNTED -> {
                counted = e.amountCents();
                expectedAtCount = cents(p.get("expected"));
            }
            case Events.VARIANCE_EXPLAINED -> varianceReason = (String) p.get("reason");
            case Events.TILL_SIGNED_OFF -> signedOffBy = (String) p.get("supervisor");
            case Events.CORRECTION -> {
                TenderKind kind = TenderKind.valueOf((String) p.get("tender"));
                tenders.computeIfAbsent(kind, k -> new Tally()).add(0, e.amountCents());
                if (kind == TenderKind.CASH) {
                    corrections += e.amountCents();
                }
                correctionNotes.add(p.get("correction") + " " + kind.label().en() + " " + Money.ofCents(e.amountCents())
                        + ": " + p.get("reason") + " (proposed by " + p.get("proposedBy") + ", approved by "
                        + p.get("approvedBy") + ")");
            }
            default -> {
                // certificate and day events carry no till money
            }
        }
    }

    /** The hour of the day (the office's clock, Hong Kong) an entry was journalled in. */
    private static int hourOf(JournalEntry e) {
        return e.recordedAt().atZone(TillSession.HONG_KONG).getHour();
    }

    /** Whether a fee item is a subscription extension (not a renewal or application). */
    public static boolean extension(String feeItem) {
        return feeItem != null && feeItem.contains("EXTENSION");
    }

    /** Counts each service a sale bought once ("EXTENSION PERSONAL", "RENEWAL ORGANISATIONAL"), whatever its lines. */
    @SuppressWarnings("unchecked")
    private void serviceTally(List<Object> lines, int sign) {
        Map<String, Long> bought = new TreeMap<>();
        for (Object o : lines) {
            Map<String, Object> line = (Map<String, Object>) o;
            String key = (extension((String) line.get("item")) ? "EXTENSION " : "RENEWAL ") + line.get("type");
            bought.merge(key, cents(line.get("cents")), Long::sum);
        }
        bought.forEach((k, c) -> services.computeIfAbsent(k, x -> new Tally()).add(sign, sign * c));
    }

    static long cents(Object o) {
        if (o == null) {
            return 0;
        }
        return o instanceof BigDecimal b ? b.longValueExact() : ((Number) o).longValue();
    }

    public String tillId() {
        return tillId;
    }

    public String clerk() {
        return clerk;
    }

    public String counter() {
        return counter;
    }

    public Money openingFloat() {
        return Money.ofCents(openingFloat);
    }

    public int sales() {
        return sales;
    }

    public int voids() {
        return voids;
    }

    public int refunds() {
        return refunds;
    }

    public Money reversed() {
        return Money.ofCents(reversed);
    }

    public Money drops() {
        return Money.ofCents(drops);
    }

    public Money pickups() {
        return Money.ofCents(pickups);
    }

    /** Cash corrections to this till (compensating entries, approved by two people). */
    public Money cashCorrections() {
        return Money.ofCents(corrections);
    }

    public List<String> correctionNotes() {
        return List.copyOf(correctionNotes);
    }

    /** Cash that should be in the drawer now: float + cash kept − cash paid out − drops + pickups ± corrections. */
    public Money expectedCash() {
        return Money.ofCents(openingFloat + cashKept - cashOut - drops + pickups + corrections);
    }

    /** The expected cash as it stood when the clerk counted (a later correction does not rewrite the variance). */
    public Optional<Money> expectedAtCount() {
        return Optional.ofNullable(expectedAtCount).map(Money::ofCents);
    }

    public Optional<Money> counted() {
        return Optional.ofNullable(counted).map(Money::ofCents);
    }

    /** Counted − expected at the count; empty until counted. */
    public Optional<Money> variance() {
        return counted == null ? Optional.empty() : Optional.of(Money.ofCents(counted - expectedAtCount));
    }

    public Optional<String> varianceReason() {
        return Optional.ofNullable(varianceReason);
    }

    public Optional<String> signedOffBy() {
        return Optional.ofNullable(signedOffBy);
    }

    /** Net takings by tender (sales less voids and refunds, with corrections). */
    public Map<TenderKind, Tally> byTender() {
        return tenders;
    }

    public Map<String, Tally> byFeeItem() {
        return items;
    }

    public Map<String, Tally> byCertificateType() {
        return types;
    }

    /** Net takings by the hour of the day (Hong Kong) each sale or reversal was journalled in. */
    public Map<Integer, Tally> byHour() {
        return hours;
    }

    /** Services sold net of reversals, by "EXTENSION type" or "RENEWAL type". */
    public Map<String, Tally> byService() {
        return services;
    }

    public Map<String, Tally> byClerk() {
        return clerks;
    }

    /** Net takings: sales less voids and refunds, with corrections. */
    public Money netTakings() {
        return Money.ofCents(tenders.values().stream().mapToLong(Tally::cents).sum());
    }
}
