package hk.post.ecert.counter.application.registry;

import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.identity.InvalidHkidException;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.Reinstatement;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificates;
import hk.post.ecert.counter.domain.model.till.Tills;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.service.KeyedDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The subscriber registry: lookups by Subscriber Reference Number, certificate serial, HKID (Personal) or Business
 * Registration number (organisational), each recorded with who, when and why; e-Cert (Personal) subscription
 * extensions paid at the till; and the daily suspension of Personal certificates whose subscription lapsed.
 */
@ApplicationScoped
public class SubscriberRegistry {

    private static final Logger LOG = Logger.getLogger(SubscriberRegistry.class.getName());

    /** How a clerk looks a subscriber up. */
    public enum LookupBy { SRN, SERIAL, HKID, BR }

    @Inject
    SubscriberCertificates registry;

    @Inject
    KeyedDigest digest;

    @Inject
    Tills tills;

    @Inject
    Triage triage;

    @Inject
    CounterJournal journal;


    @Inject
    CertificateAuthority ca;

    public LocalDate today() {
        return tills.today();
    }

    /**
     * Finds certificates and records the lookup (who, when, how, why, how many). A lookup needs a reason; an HKID
     * must pass its check digit; the audit keeps only the masked value.
     */
    @Transactional
    public List<SubscriberCertificate> lookup(LookupBy by, String value, String reason, String who) {
        if (reason == null || reason.isBlank()) {
            throw new RegistryRefusal(new Bilingual("Say why you are looking this subscriber up.", "請說明查閱此登記人的原因。"));
        }
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        SubscriberCertificates.Key key;
        String wanted;
        String shown;
        switch (by) {
            case HKID -> {
                Hkid h;
                try {
                    h = Hkid.parse(v);
                } catch (InvalidHkidException e) {
                    throw new RegistryRefusal(new Bilingual(e.getMessage(), "香港身份證號碼無效（請核對檢查碼）。"));
                }
                key = SubscriberCertificates.Key.HKID_DIGEST;
                wanted = digest.of(h.full());
                shown = h.masked();
            }
            case SERIAL -> {
                key = SubscriberCertificates.Key.SERIAL;
                // serials are kept as the CA wrote them: lower-case hex without leading zeros
                wanted = v.replaceFirst("^0X", "").replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
                shown = wanted;
            }
            case BR -> {
                key = SubscriberCertificates.Key.BR;
                wanted = v;
                shown = v;
            }
            default -> {
                key = SubscriberCertificates.Key.SRN;
                wanted = v;
                shown = v;
            }
        }
        List<SubscriberCertificate> found = registry.find(key, wanted);
        registry.auditLookup(who, Instant.now(), by.name(), shown.length() > 64 ? shown.substring(0, 64) : shown,
                reason.trim().length() > 256 ? reason.trim().substring(0, 256) : reason.trim(), found.size());
        return found;
    }

    @Transactional
    public Optional<SubscriberCertificate> bySerial(String serialHex) {
        return registry.bySerial(serialHex);
    }

    /** The certificate a screen chose among those a lookup found, as the registry has it now (null if none). */
    @Transactional
    public SubscriberCertificate chosen(List<SubscriberCertificate> found, String serialHex) {
        return serialHex == null ? null : found.stream().filter(c -> c.serialHex().equals(serialHex)).findFirst()
                .map(c -> bySerial(c.serialHex()).orElse(c)).orElse(null);
    }

    /** The last lookups, newest first (for the supervisor). */
    @Transactional
    public List<Map<String, Object>> recentLookups(int n) {
        return registry.recentLookups(n);
    }

    /** The catalogue's variant of this certificate. */
    public Variant variantOf(SubscriberCertificate cert) {
        return triage.catalogue().type(cert.typeCode()).variant(cert.variantCode());
    }

    /** Rule 2: how many years of subscription this certificate can be extended by today (0: none, renew instead). */
    public int extensionYears(SubscriberCertificate cert) {
        return cert.extensionYearsAvailable(variantOf(cert), today(), reinstatement(cert));
    }

    /** The fee of extending a Personal subscription by {@code years}, from the fee schedule in force today. */
    public Quote quoteExtension(SubscriberCertificate cert, int years) {
        Variant v = variantOf(cert);
        cert.extendedBy(v, years, today(), reinstatement(cert));   // what cannot be extended is refused with its reason, before any fee
        return triage.fees().quoteExtension(v, years, today());
    }

    @Inject
    Reinstatements reinstatements;

    /** What decides today whether this certificate, if suspended for a lapse, may be reinstated by paying. */
    public Reinstatement reinstatement(SubscriberCertificate cert) {
        return reinstatements.of(cert);
    }

    /** What an extension paid at the till came to: the sale, and the subscription's end before and after. */
    public record Extended(SaleOutcome sale, LocalDate oldEnd, LocalDate newEnd) {
    }

    /** The extension a sale paid for {@code serialHex}, as recorded (whatever became of it since). */
    @Transactional
    public Optional<Extended> extended(SaleOutcome sale, String serialHex) {
        return paidBy(sale.paymentId(), serialHex).map(e -> new Extended(sale, e.oldEnd(), e.newEnd()));
    }

    /** The extension a payment paid for one certificate (a basket pays for several under one payment id). */
    public Optional<SubscriberCertificates.Extension> paidBy(String paymentId, String serialHex) {
        return registry.extensionsPaidBy(paymentId).stream().filter(e -> e.serialHex().equals(serialHex)).findFirst();
    }


    /**
     * Rule 2's consequence, run daily: a Personal certificate whose subscription lapsed is suspended — put on hold
     * at the CA, so it appears on the CRL — and journalled.
     *
     * @return how many were suspended
     */
    @Transactional
    public int suspendLapsed(LocalDate today, String by) {
        // the repository finds the candidates; the certificate decides (an MR record is never suspended for a subscription)
        List<SubscriberCertificate> lapsed = registry.lapsedPersonal(today).stream()
                .filter(c -> c.subscriptionLapsed(variantOf(c), today)).toList();
        for (SubscriberCertificate cert : lapsed) {
            registry.suspendForLapse(cert.serialHex());
            ca.revoke(cert.serialHex(), "CERTIFICATE_HOLD");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("serial", cert.serialHex());
            event.put("srn", cert.srn());
            event.put("subscriptionEnd", cert.subscriptionEnd().toString());
            event.put("reason", "subscription lapsed");
            journal.recordAt("REGISTRY", by, "CERT_SUSPENDED", event);
            LOG.info(() -> "suspended " + cert.srn() + " (" + cert.serialHex() + "): subscription lapsed on " + cert.subscriptionEnd());
        }
        return lapsed.size();
    }

    /** Active certificates, not expired today, whose certificate or subscription ends by {@code until} (for the notices). */
    @Transactional
    public List<SubscriberCertificate> endingBy(LocalDate today, LocalDate until) {
        return registry.endingBy(today, until);
    }

    /** An organisation's certificates by its BR number, newest first (no personal data, so no lookup audit). */
    @Transactional
    public List<SubscriberCertificate> ofOrganisation(String typeCode, String brNumber) {
        return registry.ofOrganisation(typeCode, brNumber);
    }

    /** Revokes a certificate at the subscriber's request: recorded, journalled, and on the issuing CA's CRL. */
    @Transactional
    public void revoke(String serialHex, String reason, String by) {
        SubscriberCertificate cert = bySerial(serialHex).orElseThrow();
        if (!registry.markRevoked(serialHex)) {
            return;
        }
        ca.revoke(serialHex, "CESSATION_OF_OPERATION");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serialHex);
        event.put("srn", cert.srn());
        event.put("reason", reason);
        journal.recordAt("REGISTRY", by, "CERT_REVOKED", event);
        LOG.info(() -> "revoked " + cert.srn() + " (" + serialHex + ") at the subscriber's request");
    }

    /** Rule 8: whether the HKID the clerk read off the card is the one the certificate was issued to. */
    @Transactional
    public boolean hkidMatches(String serialHex, Hkid hkid) {
        String want = digest.of(hkid.full());
        return registry.hkidDigest(serialHex).map(want::equals).orElse(false);
    }

    /** The HKID digest of a certificate (carried to its renewal without ever holding the number). */
    @Transactional
    public Optional<String> hkidDigest(String serialHex) {
        return registry.hkidDigest(serialHex);
    }

    /** Records a Personal subscriber's date of birth (as a keyed digest). */
    @Transactional
    public void recordDateOfBirth(String serialHex, LocalDate dateOfBirth) {
        registry.setDateOfBirthDigest(serialHex, digest.of("DOB:" + dateOfBirth));
    }

    /**
     * Rule 8: whether the date of birth read off the card is the certificate holder's. Empty when the registry has
     * none on record (a certificate registered before dates of birth were kept).
     */
    @Transactional
    public Optional<Boolean> dateOfBirthMatches(String serialHex, LocalDate dateOfBirth) {
        String want = digest.of("DOB:" + dateOfBirth);
        return registry.dateOfBirthDigest(serialHex).map(want::equals);
    }

    /** Registers a renewed certificate with the identity digests of the one it renews. */
    @Transactional
    public void registerRenewal(SubscriberCertificate c, String renewedSerial) {
        register(c, Optional.empty());
        registry.copyIdentityDigests(renewedSerial, c.serialHex());
    }

    /** Adds a certificate to the registry (issuance and the demo data). */
    @Transactional
    public void register(SubscriberCertificate c, Optional<Hkid> hkid) {
        registry.add(c, hkid.map(h -> digest.of(h.full())).orElse(null), hkid.map(Hkid::masked).orElse(null));
    }

    @Transactional
    public long count() {
        return registry.count();
    }
}
