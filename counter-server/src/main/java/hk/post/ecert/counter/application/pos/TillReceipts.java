package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.domain.model.till.Events;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.application.receipt.ReceiptSeals;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.receipt.PaymentReceipt;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.receipt.TillSummarySlip;
import hk.post.ecert.counter.domain.model.receipt.VoidRefundReceipt;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The till's papers at the counter's printer: a sale's receipt (the original once, any other print a COPY), a void's
 * or refund's receipt, and the till's Z slip. Each receipt carries its sealed statement (issue 18); each print is a
 * device job with an id chosen before it is sent.
 */
@ApplicationScoped
public class TillReceipts {

    @Inject
    PointOfSale pos;

    @Inject
    CounterOverview counters;

    @Inject
    DeviceJobs jobs;

    @Inject
    ReceiptSeals seals;

    @Inject
    CounterJournal journal;

    /**
     * Prints the receipt of a sale. {@code printId} equal to the payment id is the original; any other print of it
     * is a COPY and does not open the drawer.
     */
    @Transactional
    public String printReceipt(String paymentId, String printId, String clerk, ReceiptLanguage lang) {
        SaleOutcome s = pos.saleByPayment(paymentId).orElseThrow(
                () -> new PosRefusal(PosRefusal.Reason.NO_SUCH_SALE, paymentId));
        CounterOverview.CounterPlace p = counters.placeOf(s.clerk());
        CounterOverview.CounterPlace here = counters.placeOf(clerk);
        if (!here.office().equals(p.office())) {
            // another office's sale is answered as one that does not exist (issue 31, finding 12)
            throw new PosRefusal(PosRefusal.Reason.NO_SUCH_SALE, paymentId);
        }
        List<PaymentReceipt.Item> items = new ArrayList<>();
        s.lines().forEach(l -> items.add(PaymentReceipt.Item.of(l.description(), l.quantity(), l.amount())));
        List<PaymentReceipt.Tender> tenders = new ArrayList<>();
        for (Map<String, Object> t : s.tenders()) {
            TenderKind k = TenderKind.valueOf((String) t.get("kind"));
            String ref = switch (k) {
                case CASH -> null;
                case EPS -> "Ref " + t.get("ref");
                default -> t.get("bank") + " #" + t.get("ref") + " " + t.get("dated");
            };
            tenders.add(new PaymentReceipt.Tender(k.label(), Money.ofCents(Events.cents(t.get("cents"))),
                    Optional.ofNullable(ref), k == TenderKind.CASH));
        }
        String seal = seals.seal(seals.journalled(ReceiptStatement.Kind.PAYMENT, p.office(), s.transactionNo(), s.at(),
                s.total().cents(), s.lines().stream().map(l -> l.feeItem() + "|" + l.quantity() + "|" + l.amount().cents()).toList()));
        ReceiptDocument doc = PaymentReceipt.compose(new PaymentReceipt.Data(s.paymentId(), Offices.name(p.office()),
                p.counter(), s.clerk(), ZonedDateTime.ofInstant(s.at(), TillSession.HONG_KONG), s.transactionNo(), items,
                tenders, s.change(), Optional.empty(), seal), lang);
        boolean copy = !printId.equals(paymentId);
        if (copy) {
            // a reprint is audited in the journal of the counter that printed it: who, which sale, which copy
            journal.record(clerk, "RECEIPT_COPY", Map.of("transaction", s.transactionNo(), "printId", printId));
        }
        return jobs.submitPrintOnce(printId, terminalOf(clerk), copy ? doc.asCopy() : doc,
                (copy ? "COPY of receipt " : "Receipt ") + s.transactionNo() + " " + s.total(), clerk);
    }

    @Transactional
    public String printReversal(ReversalOutcome r, String printId, String clerk, ReceiptLanguage lang) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        ReceiptDocument doc = VoidRefundReceipt.compose(new VoidRefundReceipt.Data(r.reversalId(),
                r.kind().equals("VOID") ? VoidRefundReceipt.Kind.VOID : VoidRefundReceipt.Kind.REFUND,
                Offices.name(p.office()), p.counter(), clerk, ZonedDateTime.ofInstant(r.at(), TillSession.HONG_KONG),
                r.transactionNo(), r.originalTransactionNo(), new Bilingual(r.reason(), r.reason()), r.approver(),
                r.amount(), r.kind().equals("VOID") ? new Bilingual("as paid", "原付款方式")
                        : r.cashOut().cents() == 0 ? TenderKind.EPS.label() : TenderKind.CASH.label(),
                seals.seal(seals.journalled(r.kind().equals("VOID") ? ReceiptStatement.Kind.VOID : ReceiptStatement.Kind.REFUND,
                        p.office(), r.transactionNo(), r.at(), -r.amount().cents(),
                        List.of(r.originalTransactionNo(), r.reason(), r.approver())))), lang);
        boolean copy = !printId.equals(r.reversalId());
        return jobs.submitPrintOnce(printId, terminalOf(clerk), copy ? doc.asCopy() : doc,
                (copy ? "COPY of " : "") + r.kind() + " " + r.transactionNo(), clerk);
    }

    /** The till's Z slip at close (counted, expected and the variance, as the journal has them). */
    @Transactional
    public String printTillSlip(String tillId, String clerk, ReceiptLanguage lang) {
        TillSession t = pos.till(tillId).orElseThrow();
        TillLedger l = pos.ledger(tillId);
        List<TillSummarySlip.TenderTotal> takings = new ArrayList<>();
        l.byTender().forEach((k, v) -> takings.add(new TillSummarySlip.TenderTotal(k.label(), v.count(), v.amount())));
        ReceiptDocument doc = TillSummarySlip.compose(new TillSummarySlip.Data("Z-" + tillId, TillSummarySlip.Kind.Z,
                Offices.name(t.office()), t.counter(), tillId, t.clerk(), ZonedDateTime.ofInstant(t.openedAt(), TillSession.HONG_KONG),
                ZonedDateTime.now(TillSession.HONG_KONG), l.sales(), takings, l.openingFloat(), l.drops(), l.pickups(),
                l.expectedAtCount().orElse(l.expectedCash()), l.counted()), lang);
        return jobs.submitPrintOnce("Z-" + tillId, terminalOf(clerk), doc, "Till slip " + tillId, clerk);
    }

    private String terminalOf(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        return counters.terminalAt(p).orElseThrow(() -> new IllegalStateException("no enrolled terminal at counter " + p.counter()));
    }
}
