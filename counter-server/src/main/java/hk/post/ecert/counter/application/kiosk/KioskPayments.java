package hk.post.ecert.counter.application.kiosk;

import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.JobWasFinished;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.kiosk.EpsSettlement;
import hk.post.ecert.counter.domain.model.kiosk.KioskPayment;
import hk.post.ecert.counter.domain.model.kiosk.KioskRecords;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An e-Cert (Personal) subscription extension paid by EPS at a kiosk (issue 17), as a saga over device jobs: the sale
 * goes to the kiosk's payment device under the payment id the screen chose; an approval extends the subscription and
 * takes the payment at the kiosk's own till (journalled on its counter) and prints the receipt; a decline or a cancel
 * ends it; an answer lost on the way is asked for by a status enquiry before anything else. The device answers a
 * repeated id with its first outcome, so nothing here can charge twice, and nothing extends an unpaid subscription.
 */
@ApplicationScoped
public class KioskPayments {

    private static final Logger LOG = Logger.getLogger(KioskPayments.class.getName());

    /** A sale not taken by the kiosk within this time is not started (the customer has gone). */
    static final Duration SALE_LIFETIME = Duration.ofMinutes(3);

    @Inject
    KioskRecords records;

    @Inject
    SubscriberRegistry registry;

    @Inject
    DeviceJobs jobs;

    @Inject
    PointOfSale pos;

    @Inject
    Checkout checkout;

    @Inject
    TillReceipts receipts;

    @Inject
    Kiosks kiosks;

    @Inject
    TerminalRepository terminals;

    /** The fee of extending by {@code years}, from the fee schedule in force (refused with its reason when it cannot be). */
    @Transactional
    public Quote quote(String serialHex, int years) {
        SubscriberCertificate cert = registry.bySerial(serialHex).orElseThrow();
        return registry.quoteExtension(cert, years);
    }

    /**
     * Sends the sale to the kiosk's payment device. A repeat of the id answers with the payment as it stands.
     */
    @Transactional
    public KioskPayment pay(String paymentId, Kiosks.Binding kiosk, String serialHex, int years, ReceiptLanguage language) {
        Optional<KioskPayment> known = records.payment(paymentId);
        if (known.isPresent()) {
            return known.get();
        }
        SubscriberCertificate cert = registry.bySerial(serialHex).orElseThrow();
        // the amount asked of the card is the checkout's price of what is bought (refused in words when it cannot be)
        Money amount = checkout.total(List.of(new Payable.SubscriptionExtension(serialHex, years)));
        KioskPayment p = KioskPayment.send(paymentId, kiosk.terminalId(), serialHex, cert.srn(), years, amount.cents(),
                language.name(), Instant.now());
        records.add(p);
        ask(p, JobKind.EPS_SALE, kiosk.actor());
        return p;
    }

    @Transactional
    public Optional<KioskPayment> view(String paymentId) {
        return records.payment(paymentId);
    }

    private void ask(KioskPayment p, JobKind kind, String actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", p.paymentId());
        payload.put("amountCents", p.amountCents());
        jobs.submitOnce(p.deviceJobId(), p.terminalId(), kind, payload,
                (kind == JobKind.EPS_SALE ? "EPS sale " : "EPS status enquiry ") + p.paymentId() + " " + Money.ofCents(p.amountCents()),
                actor, SALE_LIFETIME);
    }

    void jobWasFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasFinished event) {
        if (event.kind().startsWith("EPS_")) {
            self.get().advance(event.result());
            // the receipt only once the extension is committed, and in its own transaction: a printer that cannot be
            // reached must not undo a payment the customer made
            paymentOf(event.result().jobId()).ifPresent(id -> {
                try {
                    self.get().printReceipt(id);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "the receipt of kiosk payment " + id + " was not sent to the printer: " + e.getMessage());
                }
            });
        }
    }

    /** Prints the receipt of an extended payment (once: its print id is the payment id). */
    @Transactional
    public void printReceipt(String paymentId) {
        Optional<KioskPayment> p = records.payment(paymentId);
        if (p.isPresent() && p.get().status() == KioskPayment.Status.EXTENDED) {
            receipts.printReceipt(paymentId, paymentId, Kiosks.actorOf(p.get().terminalId()), ReceiptLanguage.valueOf(p.get().receiptLanguage()));
        }
    }

    @Inject
    jakarta.enterprise.inject.Instance<KioskPayments> self;

    /** The payment id behind a device job id ("EPS-&lt;id&gt;", "EPS-&lt;id&gt;-Q&lt;n&gt;"). */
    static Optional<String> paymentOf(String jobId) {
        if (jobId == null || !jobId.startsWith("EPS-")) {
            return Optional.empty();
        }
        return Optional.of(jobId.substring(4).replaceFirst("-Q\\d+$", ""));
    }

    /** Moves the payment whose device job just ended. */
    @Transactional
    public void advance(JobResult result) {
        Optional<KioskPayment> found = paymentOf(result.jobId()).flatMap(records::payment);
        if (found.isEmpty() || !found.get().deviceJobId().equals(result.jobId())) {
            return;   // not a kiosk payment's current job (an enquiry superseded, or a stale repeat)
        }
        KioskPayment p = found.get();
        Instant now = Instant.now();
        String actor = Kiosks.actorOf(p.terminalId());
        String answer = result.output().get("outcome");
        if (result.outcome() == JobOutcome.DONE && answer != null) {
            if (p.deviceAnswered(KioskPayment.DeviceAnswer.valueOf(answer), result.output().get("approvalCode"), result.detail(), now)
                    && p.status() == KioskPayment.Status.APPROVED) {
                extend(p, actor);
            }
        } else if (result.outcome() == JobOutcome.UNKNOWN || p.status() == KioskPayment.Status.ENQUIRING) {
            // the answer was lost (or an enquiry could not be made): ask again before anything else, a bounded number of times
            if (p.outcomeUnknown(result.reason() == null ? "OUTCOME_UNKNOWN" : result.reason(), now)) {
                ask(p, JobKind.EPS_STATUS, actor);
            } else {
                LOG.warning(() -> "EPS payment " + p.paymentId() + " still unknown after " + p.enquiries()
                        + " enquiries: left for a supervisor to settle with the bank");
            }
        } else {
            p.deviceFailed(result.reason() == null ? result.outcome().name() : result.reason(), now);
        }
    }

    /** Only an approved payment: taken at the kiosk's till (journalled on its counter) and extended (the receipt follows the commit). */
    private void extend(KioskPayment p, String actor) {
        String tillId = pos.kioskTill(p.terminalId()).tillId();
        checkout.payAt(p.paymentId(), tillId, actor, List.of(new Payable.SubscriptionExtension(p.serialHex(), p.years())),
                List.of(Tender.eps(Money.ofCents(p.amountCents()), p.approvalCode().orElse("EPS-" + p.paymentId()))));
        p.extensionWasRecorded(Instant.now());
    }



    /**
     * The office's kiosk payments whose outcome the device never told: left enquiring, or sent and unanswered longer
     * than a sale lives. A supervisor resolves each against the kiosk's settled EPS batch.
     */
    @Transactional
    public List<KioskPayment> unresolved(String office) {
        List<String> kiosks = terminals.all().stream().filter(Terminal::enrolledKiosk).filter(t -> t.officeCode().equals(office))
                .map(Terminal::terminalId).toList();
        return records.unresolved(kiosks, Instant.now().minus(SALE_LIFETIME));
    }

    /**
     * Resolves a payment whose outcome was never told against the kiosk's settled EPS batch of its day: in the batch,
     * the card was charged, and the extension is paid through the checkout at the kiosk's till; not in it, nothing was
     * charged. Refused until the kiosk has settled that day.
     */
    @Transactional
    public KioskPayment resolveFromBatch(String paymentId, String supervisor) {
        KioskPayment p = records.payment(paymentId).orElseThrow(() -> new NoSuchElementException("no kiosk payment " + paymentId));
        if (p.status() != KioskPayment.Status.SENT && p.status() != KioskPayment.Status.ENQUIRING) {
            return p;
        }
        LocalDate day = LocalDate.ofInstant(p.createdAt(), TillSession.HONG_KONG);
        EpsSettlement batch = records.settlement(EpsSettlement.batchOf(p.terminalId(), day))
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.EPS_NOT_SETTLED, p.terminalId(), day));
        Instant now = Instant.now();
        if (batch.settled(p.paymentId())) {
            p.deviceAnswered(KioskPayment.DeviceAnswer.APPROVED, "BATCH-" + batch.batchId(),
                    "settled in " + batch.batchId() + "; resolved by " + supervisor, now);
            extend(p, Kiosks.actorOf(p.terminalId()));
        } else {
            p.deviceAnswered(KioskPayment.DeviceAnswer.NOT_FOUND, null,
                    "not in " + batch.batchId() + ": not charged; resolved by " + supervisor, now);
        }
        LOG.info(() -> "kiosk payment " + p.paymentId() + " resolved against " + batch.batchId() + ": " + p.status());
        return p;
    }
}
