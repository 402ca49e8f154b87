package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.DataFile;
import hk.post.ecert.journal.JournalEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a sale came to, read back from its journal entry; {@code repeat} when this answers a request already recorded. */
public record SaleOutcome(String paymentId, String transactionNo, String tillId, String clerk, Instant at,
                          Money total, Money cashTendered, Money change, List<SaleLine> lines,
                          List<Map<String, Object>> tenders, boolean repeat) {

    /** A counter's transaction number: its journal chain and the entry's sequence ("GPO-C01-000042"). */
    public static String transactionNo(JournalEntry e) {
        return e.counter() + "-" + String.format("%06d", e.seq());
    }

    /** The sale a SALE entry records. */
    @SuppressWarnings("unchecked")
    public static SaleOutcome of(JournalEntry e, String paymentId, String txn, boolean repeat) {
        Map<String, Object> p = DataFile.readObject(e.payload());
        List<SaleLine> lines = new ArrayList<>();
        for (Object o : (List<Object>) p.get("lines")) {
            Map<String, Object> l = (Map<String, Object>) o;
            lines.add(new SaleLine((String) l.get("case"), (String) l.get("item"),
                    new Bilingual((String) l.get("en"), (String) l.get("zh")),
                    (String) l.get("type"), Events.cents(l.get("qty")), Money.ofCents(Events.cents(l.get("cents"))),
                    (String) l.get("pays")));
        }
        List<Map<String, Object>> tenders = new ArrayList<>();
        long cash = 0;
        for (Object o : (List<Object>) p.get("tenders")) {
            Map<String, Object> t = (Map<String, Object>) o;
            tenders.add(t);
            if (TenderKind.CASH.name().equals(t.get("kind"))) {
                cash += Events.cents(t.get("cents"));
            }
        }
        return new SaleOutcome(paymentId, txn, (String) p.get("till"), (String) p.get("clerk"), e.recordedAt(),
                Money.ofCents(e.amountCents()), Money.ofCents(cash), Money.ofCents(Events.cents(p.get("change"))), lines,
                tenders, repeat);
    }
}
