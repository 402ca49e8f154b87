package hk.post.ecert.counter.application.registry;

import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.checkout.PayableKind;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.Reinstatement;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificates;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the checkout sells of the registry: a subscription extended by a number of years, at a counter or at a kiosk.
 * Paid, the subscription runs on (journalled); taken back, it ends where it did before, unless a later extension or a
 * renewal rests on it. Each step runs in the checkout's transaction.
 */
@ApplicationScoped
public class SubscriptionExtensions implements PayableKind {

    @Inject
    SubscriberRegistry registry;

    @Inject
    SubscriberCertificates certificates;

    @Inject
    Triage triage;

    @Inject
    CounterJournal journal;

    @Inject
    RenewalCaseRepository cases;

    @Inject
    CertificateAuthority ca;

    private LocalDate today() {
        return registry.today();
    }

    @Override
    public boolean sells(Payable p) {
        return p instanceof Payable.SubscriptionExtension;
    }

    @Override
    public Optional<String> officeOf(Payable p) {
        return Optional.empty();   // any counter extends any subscription
    }

    /** The extension's fee today; what cannot be extended (past expiry, not a Personal certificate) is refused with its reason. */
    @Override
    public List<SaleLine> price(Payable p) {
        Payable.SubscriptionExtension x = (Payable.SubscriptionExtension) p;
        SubscriberCertificate cert = certificate(x.serialHex());
        LocalDate newEnd = cert.extendedBy(registry.variantOf(cert), x.years(), today(), registry.reinstatement(cert));
        Quote q = triage.fees().quoteExtension(registry.variantOf(cert), x.years(), today());
        if (!q.isSet()) {
            throw new RegistryRefusal(new Bilingual("The extension fee is not set.", "延長登記期的費用未設定。"));
        }
        String caseRef = "EXT-" + x.serialHex().substring(0, Math.min(12, x.serialHex().length())).toUpperCase(Locale.ROOT);
        // the receipt says what was bought: the subscription's new end date is on the line
        // and warns before the next lapse (issue 29): a subscription not extended by then ends in suspension
        boolean reinstating = registry.reinstatement(cert).suspendedForLapse();
        return q.lines().stream().map(l -> new SaleLine(caseRef, l.item().code(), new Bilingual(
                l.item().name().en() + " (" + cert.srn() + ")" + (reinstating ? ", certificate reinstated" : "") + ", subscription to "
                        + newEnd + " (suspended if not extended by then)",
                l.item().name().zh() + "（" + cert.srn() + "）" + (reinstating ? "，證書已恢復" : "") + "，登記期至 " + newEnd
                        + "（屆時如不延長將被暫停）"),
                cert.typeCode(), l.quantity(), l.amount(), x.code())).toList();
    }

    /** Extends the subscription paid for, in the checkout's transaction. */
    @Override
    public void bought(Payable p, String paymentId, String actor) {
        Payable.SubscriptionExtension x = (Payable.SubscriptionExtension) p;
        SubscriberCertificate cert = certificate(x.serialHex());
        LocalDate oldEnd = cert.subscriptionEnd();
        Reinstatement reinstatement = registry.reinstatement(cert);
        LocalDate newEnd = cert.extendedBy(registry.variantOf(cert), x.years(), today(), reinstatement);
        if (reinstatement.suspendedForLapse()) {
            // issue 29: paid within the grace period (or with a supervisor's approval), the certificate is active again
            // and off the CRL
            if (!certificates.reinstate(x.serialHex())) {
                throw new RegistryRefusal(new Bilingual("The certificate changed meanwhile: look it up again.", "證書剛被更改：請重新查閱。"));
            }
            ca.releaseHold(x.serialHex());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("serial", cert.serialHex());
            event.put("srn", cert.srn());
            event.put("payment", paymentId);
            event.put("approvedBy", reinstatement.approvedBy().orElse(""));
            event.put("graceDays", reinstatement.graceDays().map(String::valueOf).orElse(""));
            journal.record(actor, "CERT_REINSTATED", event);
        }
        if (!certificates.extendSubscription(x.serialHex(), oldEnd, newEnd)) {
            throw new RegistryRefusal(new Bilingual("The subscription changed meanwhile: look the certificate up again.",
                    "登記期剛被更改：請重新查閱證書。"));
        }
        certificates.addExtension(new SubscriberCertificates.Extension(paymentId, x.serialHex(), x.years(), oldEnd, newEnd, actor, Instant.now()));
        journal.record(actor, "SUBSCRIPTION_EXTENDED", extensionEvent(cert, x.years(), oldEnd, newEnd, paymentId));
    }

    @Override
    public void checkReversal(Payable p, String paymentId) {
        String serialHex = ((Payable.SubscriptionExtension) p).serialHex();
        registry.paidBy(paymentId, serialHex).filter(e -> !certificates.extensionReversed(paymentId, serialHex)).ifPresent(e ->
                certificate(serialHex).withoutExtension(e.oldEnd(), e.newEnd(), cases.renewedFrom(serialHex)));
    }

    /** The extension's money went back: the subscription ends where it did before, unless something later rests on it. */
    @Override
    public void reversed(Payable p, String paymentId, String actor) {
        String serialHex = ((Payable.SubscriptionExtension) p).serialHex();
        Optional<SubscriberCertificates.Extension> paid = registry.paidBy(paymentId, serialHex);
        if (paid.isEmpty() || certificates.extensionReversed(paymentId, serialHex)) {
            return;   // nothing was extended by this money, or it was taken back already
        }
        SubscriberCertificates.Extension e = paid.get();
        SubscriberCertificate cert = certificate(e.serialHex());
        LocalDate back = cert.withoutExtension(e.oldEnd(), e.newEnd(), cases.renewedFrom(e.serialHex()));
        if (!certificates.withdrawExtension(e.serialHex(), e.newEnd(), back)) {
            throw new RegistryRefusal(new Bilingual("The subscription changed meanwhile: look the certificate up again.",
                    "登記期剛被更改：請重新查閱證書。"));
        }
        certificates.addExtensionReversal(paymentId, serialHex, actor, Instant.now());
        journal.record(actor, "SUBSCRIPTION_EXTENSION_REVERSED", extensionEvent(cert, -e.years(), e.newEnd(), back, paymentId));
    }

    @Override
    public Tie tieOf(Payable p, String paymentId) {
        String serialHex = ((Payable.SubscriptionExtension) p).serialHex();
        return registry.paidBy(paymentId, serialHex).isPresent() && !certificates.extensionReversed(paymentId, serialHex) ? Tie.TIED : Tie.UNTIED;
    }

    /** An extension is never refused once paid: nothing of it is owed back but by a refund the clerk chooses. */
    @Override
    public List<Owed> refundsOwed(String office) {
        return List.of();
    }

    private SubscriberCertificate certificate(String serialHex) {
        return registry.bySerial(serialHex).orElseThrow(() -> new RegistryRefusal(
                new Bilingual("No certificate " + serialHex + ".", "沒有證書 " + serialHex + "。")));
    }

    private static Map<String, Object> extensionEvent(SubscriberCertificate cert, int years, LocalDate from, LocalDate to,
                                                      String paymentId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", cert.serialHex());
        event.put("srn", cert.srn());
        event.put("years", years);
        event.put("from", from.toString());
        event.put("to", to.toString());
        event.put("payment", paymentId);
        return event;
    }
}
