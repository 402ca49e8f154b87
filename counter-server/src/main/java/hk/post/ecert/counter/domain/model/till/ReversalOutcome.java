package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.DataFile;
import hk.post.ecert.journal.JournalEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A void or refund as recorded in the journal. */
public record ReversalOutcome(String reversalId, String kind, String transactionNo, String originalTransactionNo,
                              String tillId, Money amount, Money cashOut, String reason, String approver,
                              Instant at, boolean repeat) {

    /** The reversal a VOID or REFUND entry records. */
    public static ReversalOutcome of(JournalEntry e, String reversalId, String txn, boolean repeat) {
        Map<String, Object> p = DataFile.readObject(e.payload());
        return new ReversalOutcome(reversalId, e.kind(), txn, (String) p.get("original"), (String) p.get("till"),
                Money.ofCents(-e.amountCents()), Money.ofCents(Events.cents(p.get("cashOut"))), (String) p.get("reason"),
                (String) p.get("approver"), e.recordedAt(), repeat);
    }

    /** How the money of a reversed sale goes back: each tender, and the cash out of the drawer. */
    public record Payback(List<Map<String, Object>> tenders, long cashOut) {
    }

    /** A reversal is asked for at the clerk's own open till, with a reason. */
    public static void checkRequest(TillSession till, String clerk, String reason) {
        till.requireOpenFor(clerk);
        FreeText.check(new Bilingual("reason", "原因"), reason, FreeText.REASON);
        if (reason == null || reason.isBlank()) {
            throw new PosRefusal(PosRefusal.Reason.REASON_NEEDED);
        }
    }

    /**
     * Whether {@code clerk}, at {@code till}, may void or refund {@code sale} (made at {@code saleTill}) with the
     * approval of {@code approver}: the approver is neither the clerk asking nor the clerk who made
     * the sale; a sale is reversed once; a void is of the clerk's own open session, a refund of an earlier session of
     * the same office.
     */
    public static void check(boolean isVoid, TillSession till, SaleOutcome sale, TillSession saleTill, String clerk,
                             String approver, Optional<ReversalOutcome> done) {
        if (approver.equals(clerk) || approver.equals(sale.clerk())) {
            throw new PosRefusal(PosRefusal.Reason.SELF_APPROVAL, approver);
        }
        if (done.isPresent()) {
            throw new PosRefusal(PosRefusal.Reason.ALREADY_REVERSED, sale.transactionNo(), done.get().kind().equals(Events.VOID)
                    ? new Bilingual("voided", "取消") : new Bilingual("refunded", "退款"));
        }
        if (isVoid && !saleTill.tillId().equals(till.tillId())) {
            throw new PosRefusal(PosRefusal.Reason.VOID_OTHER_SESSION, sale.transactionNo());
        }
        if (!isVoid && saleTill.tillId().equals(till.tillId())) {
            throw new PosRefusal(PosRefusal.Reason.REFUND_SAME_SESSION, sale.transactionNo());
        }
        if (!saleTill.office().equals(till.office())) {
            throw new PosRefusal(PosRefusal.Reason.REFUND_OTHER_OFFICE, sale.transactionNo());
        }
    }

    /**
     * A void gives every tender back as it came (the cash kept — tendered less change — from the drawer; EPS and
     * cheques reversed); a refund is paid in cash from the clerk's drawer, or back to the card by the EPS device that
     * took it ({@code toCard}: nothing leaves a drawer).
     */
    public static Payback payback(boolean isVoid, SaleOutcome sale, boolean toCard) {
        List<Map<String, Object>> tenders = new ArrayList<>();
        if (!isVoid && toCard) {
            tenders.add(Events.fields("kind", TenderKind.EPS.name(), "cents", sale.total().cents()));
            return new Payback(tenders, 0);
        }
        if (!isVoid) {
            tenders.add(Events.fields("kind", TenderKind.CASH.name(), "cents", sale.total().cents()));
            return new Payback(tenders, sale.total().cents());
        }
        long change = sale.change().cents();
        long cash = 0;
        for (Map<String, Object> t : sale.tenders()) {
            long amount = Events.cents(t.get("cents"));
            if (TenderKind.CASH.name().equals(t.get("kind"))) {
                amount -= change;
                change = 0;
                cash += amount;
            }
            tenders.add(Events.fields("kind", t.get("kind"), "cents", amount));
        }
        return new Payback(tenders, cash);
    }
}
