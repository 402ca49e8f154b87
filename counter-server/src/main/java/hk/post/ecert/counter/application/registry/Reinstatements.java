package hk.post.ecert.counter.application.registry;

import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.Reinstatement;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 29: an e-Cert (Personal) suspended because its subscription lapsed is reinstated by paying the subscription
 * within the grace period HKPCA sets, or after it with a supervisor's approval and reason (recorded for the day and
 * journalled). The certificate decides ({@link SubscriberCertificate#reinstatementRefusal}); this finds and stores.
 */
@ApplicationScoped
public class Reinstatements {

    @Inject
    SubscriberRegistry registry;

    @Inject
    SubscriberCertificates certificates;

    @Inject
    CounterJournal journal;

    /**
     * The grace period HKPCA sets after a Personal subscription lapses, in days, within which paying the subscription
     * reinstates the suspended certificate (issue 29). Not published: unset means none, and only a supervisor may then
     * approve a reinstatement.
     */
    @Inject
    @ConfigProperty(name = "counter.subscription.grace-days")
    Optional<Integer> graceDays;

    /** What decides today whether this certificate, if suspended for a lapse, may be reinstated by paying. */
    @Transactional
    public Reinstatement of(SubscriberCertificate cert) {
        if (!certificates.suspendedForLapse(cert.serialHex())) {
            return Reinstatement.NONE;
        }
        return new Reinstatement(true, graceDays.filter(d -> d >= 0),
                certificates.reinstatementApproval(cert.serialHex(), registry.today()).map(SubscriberCertificates.ReinstatementApproval::approvedBy));
    }

    /** Why this certificate cannot be reinstated by paying today, or empty when it can (or is not suspended for a lapse). */
    @Transactional
    public Optional<Bilingual> refusal(SubscriberCertificate cert) {
        Reinstatement r = of(cert);
        return r.suspendedForLapse() ? cert.reinstatementRefusal(registry.variantOf(cert), registry.today(), r) : Optional.empty();
    }

    /** The grace period in force (for the screens). */
    public Optional<Integer> graceDays() {
        return graceDays.filter(d -> d >= 0);
    }

    /**
     * A supervisor approves reinstating a certificate suspended for a lapse after HKPCA's grace period, with a reason:
     * recorded for today and journalled. The supervisor is authenticated by the caller.
     */
    @Transactional
    public void approve(String serialHex, String supervisor, String clerk, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RegistryRefusal(new Bilingual("Say why the certificate is reinstated after the grace period.",
                    "請說明在寬限期後恢復證書的原因。"));
        }
        FreeText.check(new Bilingual("reason", "原因"), reason, FreeText.REASON);
        SubscriberCertificate cert = registry.bySerial(serialHex).orElseThrow(() -> new RegistryRefusal(
                new Bilingual("No certificate " + serialHex + ".", "沒有證書 " + serialHex + "。")));
        Reinstatement asIfApproved = new Reinstatement(certificates.suspendedForLapse(serialHex), graceDays(), Optional.of(supervisor));
        cert.reinstatementRefusal(registry.variantOf(cert), registry.today(), asIfApproved).ifPresent(m -> {
            throw new RegistryRefusal(m);
        });
        if (certificates.approveReinstatement(new SubscriberCertificates.ReinstatementApproval(serialHex, registry.today(), supervisor, clerk,
                reason.trim(), Instant.now()))) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("serial", serialHex);
            event.put("srn", cert.srn());
            event.put("subscriptionEnd", String.valueOf(cert.subscriptionEnd()));
            event.put("approvedBy", supervisor);
            event.put("clerk", clerk);
            event.put("reason", reason.trim());
            journal.record(supervisor, "REINSTATEMENT_APPROVED", event);
        }
    }

}
