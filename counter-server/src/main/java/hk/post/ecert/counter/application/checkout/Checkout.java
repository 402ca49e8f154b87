package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.JobWasFinished;
import hk.post.ecert.counter.application.SaleWasTaken;
import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRecord;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRepository;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.Tills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one way money is taken at the counter, whatever the channel (screens, the clerk's JSON API, the kiosk, the
 * Bank-Cert desk): a basket of {@link Payable}s is priced by what is bought, paid at the actor's open till under a
 * payment id chosen before the first send, journalled, and each thing bought is marked paid in the same transaction
 * ({@link Payments}). A void or refund goes through here too, approved by a supervisor of the till's office, and
 * undoes what the money bought in the same transaction (or is refused, with the reason, and nothing changes). The
 * caller prints the receipt after this returns, that is after the commit.
 */
@ApplicationScoped
public class Checkout {

    @Inject
    PointOfSale pos;

    @Inject
    Tills tills;

    @Inject
    Instance<PayableKind> kinds;

    @Inject
    Event<SaleWasTaken> saleTaken;

    private Payments payments() {
        return new Payments(tills, kinds);
    }

    /** What the basket costs today, line by line; anything that cannot be paid now is refused in words. */
    @Transactional
    public List<SaleLine> quote(List<Payable> basket) {
        return payments().quote(basket);
    }

    /** The basket's total today. */
    @Transactional
    public Money total(List<Payable> basket) {
        return payments().total(basket);
    }

    /** Pays for the basket at the actor's open till; a repeat of the payment id is answered with the first sale. */
    @Transactional
    public SaleOutcome pay(String paymentId, String actor, List<Payable> basket, List<Tender> tenders) {
        Optional<SaleOutcome> first = payments().repeat(paymentId, basket);
        if (first.isPresent()) {
            return first.get();
        }
        return taken(payments().take(paymentId, openTill(actor), actor, basket, tenders));
    }

    /** As {@link #pay}, at a named till (a kiosk's own till, opened by itself). */
    @Transactional
    public SaleOutcome payAt(String paymentId, String tillId, String actor, List<Payable> basket, List<Tender> tenders) {
        TillSession till = tills.till(tillId).orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId));
        return taken(payments().take(paymentId, till, actor, basket, tenders));
    }

    private SaleOutcome taken(SaleOutcome sale) {
        if (!sale.repeat()) {
            saleTaken.fire(new SaleWasTaken(sale));
        }
        return sale;
    }

    /**
     * A void or refund asked for: done at once (the reversal journalled and what it bought undone), or sent back to the
     * card through the kiosk's EPS device that took it ({@code deviceJobId}; journalled when the device approves).
     */
    public record Reversal(ReversalOutcome done, String deviceJobId) {

        public boolean pending() {
            return done == null;
        }
    }

    /**
     * A void (this till session) or refund (an earlier session) at the actor's open till, approved by a supervisor of
     * its office who re-authenticates here; what the sale bought is undone in the same transaction. A repeat of the
     * reversal id is answered with the first. A kiosk's EPS sale goes back to its card through the kiosk's EPS device
     * (whatever the clerk pressed): the device job is sent now, and the reversal is journalled when the device approves.
     */
    @Transactional
    public Reversal reverse(String reversalId, boolean isVoid, String transactionNo, String actor, String reason,
                            String supervisor, char[] password) {
        String approver = pos.authenticateSupervisor(supervisor, password);
        TillSession till = openTill(actor);
        pos.requireSupervises(till.office(), approver);
        Optional<SaleOutcome> sale = tills.saleByTransaction(transactionNo);
        if (sale.isPresent() && paidByKioskEps(sale.get())) {
            return new Reversal(null, backToTheCard(reversalId, sale.get(), till, actor, reason, approver));
        }
        return new Reversal(payments().giveBack(reversalId, isVoid, transactionNo, till.tillId(), actor, reason, approver), null);
    }

    private static boolean paidByKioskEps(SaleOutcome sale) {
        return Kiosks.kioskOf(sale.clerk()).isPresent()
                && sale.tenders().stream().anyMatch(t -> TenderKind.EPS.name().equals(t.get("kind")));
    }

    /** How long a refund to a card may wait for the kiosk's EPS device. */
    static final Duration CARD_REFUND_LIFETIME = Duration.ofMinutes(10);

    /**
     * Sends a kiosk EPS sale's money back to its card: checked now as a reversal would be (a reason, not reversed yet,
     * the same office, nothing resting on what it bought), then the refund job goes to the kiosk under the reversal id.
     */
    private String backToTheCard(String reversalId, SaleOutcome sale, TillSession clerkTill, String actor, String reason,
                                 String approver) {
        String jobId = "EPS-REFUND-" + reversalId;
        for (int attempt = 1; ; attempt++) {
            Optional<DeviceJobRecord> asked = jobRecords.find(jobId);
            if (asked.isEmpty()) {
                break;
            }
            if (!asked.get().status().finished() || asked.get().status() == JobStatus.DONE) {
                return jobId;   // under way, or the device answered: the same refund
            }
            // failed, unknown or expired: asked again under the same refund id, which the device answers once
            jobId = "EPS-REFUND-" + reversalId + "-R" + attempt;
        }
        if (reason == null || reason.isBlank()) {
            throw new PosRefusal(PosRefusal.Reason.REASON_NEEDED);
        }
        if (approver.equals(actor)) {
            throw new PosRefusal(PosRefusal.Reason.SELF_APPROVAL, approver);
        }
        Optional<ReversalOutcome> done = tills.reversalOf(sale.paymentId());
        if (done.isPresent()) {
            throw new PosRefusal(PosRefusal.Reason.ALREADY_REVERSED, sale.transactionNo(), done.get().kind());
        }
        TillSession saleTill = tills.till(sale.tillId()).orElseThrow();
        if (!saleTill.office().equals(clerkTill.office())) {
            throw new PosRefusal(PosRefusal.Reason.REFUND_OTHER_OFFICE, sale.transactionNo());
        }
        payments().requireReversible(sale);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("refundId", reversalId);
        payload.put("paymentId", sale.paymentId());
        payload.put("amountCents", sale.total().cents());
        payload.put("transaction", sale.transactionNo());
        payload.put("clerk", actor);
        payload.put("approver", approver);
        payload.put("reason", reason.trim());
        String kiosk = Kiosks.kioskOf(sale.clerk()).orElseThrow();
        return jobs.submitOnce(jobId, kiosk, JobKind.EPS_REFUND, payload,
                "EPS refund of " + sale.transactionNo() + " " + sale.total(), actor, CARD_REFUND_LIFETIME);
    }

    void cardRefundFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasFinished event) {
        if (!JobKind.EPS_REFUND.name().equals(event.kind())) {
            return;
        }
        JobResult r = event.result();
        if (r.outcome() != JobOutcome.DONE || !"APPROVED".equals(r.output().get("outcome"))) {
            LOG.warning(() -> "EPS refund " + r.jobId() + " not made: " + r.outcome() + " " + r.reason() + " " + r.detail());
            return;
        }
        CardRefund done = self.get().cardRefunded(r.jobId(), event.terminalId());
        try {
            // after the commit: the slip prints at the counter of the clerk who asked
            receipts.printReversal(done.reversal(), done.reversal().reversalId(), done.clerk(), ReceiptLanguage.EN);
        } catch (RuntimeException e) {
            LOG.warning(() -> "the slip of " + done.reversal().transactionNo() + " did not print: " + e.getMessage());
        }
    }

    /** A sale given back to its card, and the clerk who asked for it. */
    public record CardRefund(ReversalOutcome reversal, String clerk) {
    }

    /**
     * The kiosk's EPS device gave the money back to the card (the refund job {@code jobId}): journalled at the kiosk's
     * till (a void while the till that took the sale is open, else a refund to the card at the kiosk's till of the
     * day), and what the sale bought is undone with it. A repeat is answered with the first reversal.
     */
    @Transactional
    public CardRefund cardRefunded(String jobId, String kiosk) {
        Map<String, Object> p = jobRecords.find(jobId).map(j -> Json.readObject(j.payload())).orElseThrow();
        String reversalId = (String) p.get("refundId");
        String transactionNo = (String) p.get("transaction");
        String clerk = (String) p.get("clerk");
        SaleOutcome sale = tills.saleByTransaction(transactionNo).orElseThrow();
        TillSession saleTill = tills.till(sale.tillId()).orElseThrow();
        String actor = Kiosks.actorOf(kiosk);
        String why = p.get("reason") + " (asked by " + clerk + ", refunded to the card)";
        String approver = (String) p.get("approver");
        ReversalOutcome r = saleTill.status() == TillSession.Status.OPEN
                ? payments().giveBack(reversalId, true, transactionNo, saleTill.tillId(), actor, why, approver)
                : payments().giveBack(reversalId, false, transactionNo, pos.kioskTill(kiosk).tillId(), actor, why, approver, true);
        return new CardRefund(r, clerk);
    }

    @Inject
    Instance<Checkout> self;

    @Inject
    DeviceJobs jobs;

    @Inject
    DeviceJobRepository jobRecords;

    @Inject
    TillReceipts receipts;

    private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

    /** Where each thing a sale bought stands. */
    @Transactional
    public List<Payments.TiedLine> ties(SaleOutcome sale) {
        return payments().ties(sale);
    }

    /** An office's money of a day against what it bought, and the refunds owed. */
    @Transactional
    public Payments.DayMoney dayMoney(String office, LocalDate day) {
        return payments().dayMoney(office, day);
    }

    /** The things a sale paid for. */
    public static List<Payable> payables(SaleOutcome sale) {
        return Payments.payables(sale);
    }

    private TillSession openTill(String actor) {
        return pos.currentTill(actor).filter(t -> t.status() == TillSession.Status.OPEN)
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, actor));
    }
}
