package hk.post.ecert.counter.infrastructure.demo;

import hk.post.ecert.counter.application.bankcert.BankCertDesk;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificates;
import hk.post.ecert.counter.domain.model.notice.SubscriberContacts;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * DEMO subscribers: real certificates issued by the embedded TEST CA for every counter-renewable type, in every
 * state — active inside and outside the renewal window, a Personal subscription that can be extended and one that
 * already runs to expiry, one that lapsed, expired, suspended (on hold on the CRL) and revoked (on the CRL). Seeded
 * once; names and numbers are DEMO data.
 */
@Singleton
@Startup
@DependsOn("DemoData")
public class RegistryDemoData {

    private static final Logger LOG = Logger.getLogger(RegistryDemoData.class.getName());

    @Inject
    @ConfigProperty(name = "counter.demo", defaultValue = "false")
    boolean demo;

    @Inject
    SubscriberRegistry registry;

    @Inject
    CertificateAuthority ca;

    @Inject
    SubscriberCertificates certificates;

    @Inject
    SubscriberContacts contacts;

    /**
     * For {@code bin/bench counter-speed} only: this many more e-Cert (Personal) subscribers inside their renewal window
     * (SRN-P-900001 on, "DEMO WALKIN A", …, HKID stems W00001 on, born 1980-01-01 plus their number in days), so that
     * the walk-in renewal can be served again and again for a p95 over enough actions. None by default.
     */
    @Inject
    @ConfigProperty(name = "counter.demo.walkins", defaultValue = "0")
    int walkIns;

    private int seq;

    @Inject
    BankCertDesk bankDesk;

    @PostConstruct
    void seed() {
        if (!demo) {
            return;
        }
        if (registry.count() == 0) {
            seedCounterTypes();
            seedWalkIns();
        }
        if (registry.ofOrganisation("BANK_CERT_BANK", "90100001").isEmpty()) {
            seedBanks();
        }
    }

    /**
     * DEMO Licensed Banks' Bank-Cert (Bank) certificates and their AR history: bank 901 with a certificate due for renewal
     * and its AR authenticated a year ago; 902 active, with an AR; 903 with none (a new application); 909 no longer listed.
     */
    private void seedBanks() {
        LocalDate today = registry.today();
        java.time.Instant yearAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(365));
        organisation("BANK_CERT_BANK", "NEW_ONLY", "DEMO FIRST BANK (HONG KONG) LIMITED", "90100001", today.plusDays(30),
                CertificateStatus.ACTIVE, false, "CHEUNG MEI LING");
        bankDesk.recordEarlierAuthentication("901", "CHEUNG MEI LING", "HKID", "C123456(9)", "officer1", yearAgo, "BC-DEMO-901-1");
        organisation("BANK_CERT_BANK", "NEW_ONLY", "DEMO HARBOUR BANK LIMITED", "90200002", today.plusMonths(14),
                CertificateStatus.ACTIVE, false, "LAM KA KIT");
        bankDesk.recordEarlierAuthentication("902", "LAM KA KIT", "PASSPORT", "K01234567", "officer1", yearAgo, "BC-DEMO-902-1");
        organisation("BANK_CERT_BANK", "NEW_ONLY", "DEMO FORMER BANK LIMITED", "90900009", today.plusMonths(3),
                CertificateStatus.ACTIVE, false, "HO KA WAI");
        LOG.info("DEMO Bank-Cert (Bank) certificates and AR history seeded");
    }

    private void seedCounterTypes() {
        LocalDate today = registry.today();
        // e-Cert (Personal): the subscription cases of rule 2 and every state of rule 1
        personal("CHAN TAI MAN", "A12345", today.plusYears(2), today.plusDays(20), CertificateStatus.ACTIVE, "STANDARD");
        personal("WONG SIU MING", "B23456", today.plusDays(10), today.plusDays(10), CertificateStatus.ACTIVE, "STANDARD");
        personal("LEE KA YAN", "C34567", today.minusDays(5), today.minusDays(5), CertificateStatus.ACTIVE, "STANDARD");
        personal("HO WING SZE", "D45678", today.plusYears(1), today.minusDays(40), CertificateStatus.SUSPENDED, "STANDARD");
        personal("CHEUNG MEI LING", "E56789", today.plusYears(1), today.plusDays(100), CertificateStatus.REVOKED, "STANDARD");
        personal("LAM CHI KEUNG", "G67890", today.plusYears(2), today.minusDays(1), CertificateStatus.ACTIVE, "STANDARD");
        personal("TSANG HOI YAN", "H78901", today.plusDays(12), today.plusDays(12), CertificateStatus.ACTIVE, "MR_SAFENET");
        personal("YEUNG KA MING", "K89012", today.plusDays(15), today.plusDays(15), CertificateStatus.ACTIVE, "MR_FEITIAN");
        // organisational types: due soon and early (advised a month ahead, renewed any day before expiry), AEOI, expired,
        // suspended, revoked
        organisation("ORGANISATIONAL", "PLAIN", "DEMO TRADING LIMITED", "12345678", today.plusDays(20), CertificateStatus.ACTIVE, false);
        organisation("ORGANISATIONAL", "PLAIN", "DEMO LOGISTICS LIMITED", "23456789", today.plusMonths(8), CertificateStatus.ACTIVE, false);
        organisation("ORGANISATIONAL", "AEOI", "DEMO BANK (AEOI) LIMITED", "34567890", today.plusDays(25), CertificateStatus.ACTIVE, true);
        organisation("ORGANISATIONAL", "MR_SAFENET", "DEMO EXPORTS LIMITED", "45678901", today.plusDays(18), CertificateStatus.ACTIVE, false);
        organisation("ORGANISATIONAL", "PLAIN", "DEMO FORMER LIMITED", "56789012", today.minusDays(30), CertificateStatus.ACTIVE, false);
        organisation("ORGANISATIONAL", "PLAIN", "DEMO HELD LIMITED", "67890123", today.plusMonths(6), CertificateStatus.SUSPENDED, false);
        organisation("ORGANISATIONAL", "PLAIN", "DEMO CLOSED LIMITED", "78901234", today.plusMonths(6), CertificateStatus.REVOKED, false);
        organisation("ENCIPHERMENT", "STANDARD", "DEMO TRADING LIMITED", "12345678", today.plusDays(20), CertificateStatus.ACTIVE, false);
        organisation("ENCIPHERMENT", "STANDARD", "DEMO OLD CIPHER LIMITED", "89012345", today.minusDays(3), CertificateStatus.ACTIVE, false);
        organisation("SERVER", "PLAIN", "www.demo-trading.hk", "12345678", today.plusDays(20), CertificateStatus.ACTIVE, false);
        organisation("SERVER", "WILDCARD", "*.demo-trading.hk", "12345678", today.plusDays(20), CertificateStatus.ACTIVE, false);
        organisation("SERVER", "MULTI_DOMAIN", "shop.demo-trading.hk", "12345678", today.plusDays(20), CertificateStatus.ACTIVE, false);
        organisation("SERVER", "EV", "secure.demo-bank.hk", "34567890", today.plusDays(20), CertificateStatus.ACTIVE, false);
        organisation("SERVER", "EV_MULTI_DOMAIN", "pay.demo-bank.hk", "34567890", today.plusDays(20), CertificateStatus.ACTIVE, false);
        // its 199 days ended two days ago, its subscription runs: a free re-issue, not a new application
        organisation("SERVER", "PLAIN", "old.demo-trading.hk", "12345678", today.minusDays(2), CertificateStatus.ACTIVE, false);
        // every type in every state
        organisation("ENCIPHERMENT", "STANDARD", "DEMO HELD CIPHER LIMITED", "90123456", today.plusMonths(6), CertificateStatus.SUSPENDED, false);
        organisation("ENCIPHERMENT", "STANDARD", "DEMO REVOKED CIPHER LIMITED", "91234567", today.plusMonths(6), CertificateStatus.REVOKED, false);
        organisation("SERVER", "PLAIN", "held.demo-trading.hk", "12345678", today.plusMonths(3), CertificateStatus.SUSPENDED, false);
        organisation("SERVER", "PLAIN", "revoked.demo-trading.hk", "12345678", today.plusMonths(3), CertificateStatus.REVOKED, false);
        // a Bank-Cert (Personal): renewed through the subscriber's Registration Bank, never at a counter (the search refers it)
        bankCustomer("KWOK MAN WAI", "M12345", today.plusDays(15));
        LOG.info(() -> "DEMO subscriber registry seeded with " + seq + " certificates");
    }

    private void personal(String name, String hkidStem, LocalDate validTo, LocalDate subscriptionEnd, CertificateStatus status,
                          String variant) {
        Hkid hkid = valid(hkidStem);
        String serial = issue("PERSONAL", variant, name);
        String srn = String.format("SRN-P-%06d", ++seq);
        registry.register(new SubscriberCertificate(serial, srn, "PERSONAL", variant,
                CertificateProfile.of("PERSONAL", variant).issuingCa(), name, hkid.masked(), null, validTo.minusYears(3), validTo,
                subscriptionEnd, status, variant.startsWith("MR_") ? variant.substring(3).toLowerCase() + " token" : "ecert-file-usb",
                null, false), Optional.of(hkid));
        // DEMO dates of birth: 1 January of 1970 + the subscriber's number (CHAN TAI MAN 1971-01-01, WONG SIU MING 1972-01-01, …)
        registry.recordDateOfBirth(serial, LocalDate.of(1970 + seq, 1, 1));
        revokeIfNeeded(serial, status);
        // issue 30: where the subscriber is e-mailed (DEMO addresses); every third reads Chinese first
        contacts.put(new SubscriberContacts.Contact(srn, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@demo.example",
                seq % 3 == 2 ? ReceiptLanguage.ZH : ReceiptLanguage.EN));
        if (status == CertificateStatus.SUSPENDED && subscriptionEnd.isBefore(registry.today())) {
            certificates.suspendForLapse(serial);   // suspended because its subscription lapsed, as the nightly run does
        }
    }

    private void seedWalkIns() {
        LocalDate today = registry.today();
        for (int i = 1; i <= Math.min(walkIns, 26); i++) {
            String name = "DEMO WALKIN " + (char) ('A' + i - 1);
            Hkid hkid = valid(String.format("W%05d", i));
            String serial = issue("PERSONAL", "STANDARD", name);
            registry.register(new SubscriberCertificate(serial, String.format("SRN-P-%06d", 900000 + i), "PERSONAL", "STANDARD",
                    CertificateProfile.of("PERSONAL", "STANDARD").issuingCa(), name, hkid.masked(), null, today.plusDays(10).minusYears(3),
                    today.plusDays(10), today.plusDays(10), CertificateStatus.ACTIVE, "ecert-file-usb", null, false), Optional.of(hkid));
            registry.recordDateOfBirth(serial, LocalDate.of(1980, 1, 1).plusDays(i));
        }
    }

    private void bankCustomer(String name, String hkidStem, LocalDate validTo) {
        Hkid hkid = valid(hkidStem);
        String serial = issue("BANK_CERT_PERSONAL", "STANDARD", name);
        String srn = String.format("SRN-B-%06d", ++seq);
        registry.register(new SubscriberCertificate(serial, srn, "BANK_CERT_PERSONAL", "STANDARD",
                CertificateProfile.of("BANK_CERT_PERSONAL", "STANDARD").issuingCa(), name, hkid.masked(), null, validTo.minusYears(3),
                validTo, null, CertificateStatus.ACTIVE, "bank token", null, false), Optional.of(hkid));
    }

    private void organisation(String type, String variant, String name, String br, LocalDate validTo, CertificateStatus status,
                              boolean aeoi) {
        organisation(type, variant, name, br, validTo, status, aeoi, "CHAN TAI MAN");
    }

    private void organisation(String type, String variant, String name, String br, LocalDate validTo, CertificateStatus status,
                              boolean aeoi, String arName) {
        String serial = issue(type, variant, name);
        String srn = String.format("SRN-%s-%06d", type.substring(0, 1), ++seq);
        // e-Cert (Server): each certificate lives 199 days within a one-year paid subscription (rule 1)
        boolean server = "SERVER".equals(type);
        LocalDate validFrom = server ? validTo.minusDays(199) : validTo.minus(1, ChronoUnit.YEARS);
        registry.register(new SubscriberCertificate(serial, srn, type, variant, CertificateProfile.of(type, variant).issuingCa(),
                name, null, br, validFrom, validTo, server ? validFrom.plusYears(1) : null, status,
                variant.startsWith("MR_") ? variant.substring(3).toLowerCase() + " token" : "ecert-file-usb",
                arName, aeoi), Optional.empty());
        revokeIfNeeded(serial, status);
        // issue 30: the AR is e-mailed at the organisation's (DEMO) address; a Server certificate's at its own domain
        String domain = server ? name.replace("*.", "") : "demo-" + br + ".example";
        contacts.put(new SubscriberContacts.Contact(srn, "ar@" + domain, ReceiptLanguage.EN));
    }

    private void revokeIfNeeded(String serial, CertificateStatus status) {
        if (status == CertificateStatus.SUSPENDED) {
            ca.revoke(serial, "CERTIFICATE_HOLD");
        } else if (status == CertificateStatus.REVOKED) {
            ca.revoke(serial, "KEY_COMPROMISE");
        }
    }

    /** A DEMO HKID with the check digit that makes it valid. */
    static Hkid valid(String stem) {
        for (char c : "0123456789A".toCharArray()) {
            try {
                return Hkid.parse(stem.charAt(0) + stem.substring(1) + "0".repeat(7 - stem.length()) + "(" + c + ")");
            } catch (RuntimeException tryNext) {
                // the next check digit
            }
        }
        throw new IllegalStateException("no check digit for " + stem);
    }

    private String issue(String type, String variant, String name) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair key = g.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "HK")
                    .addRDN(BCStyle.O, "e-Cert Counter DEMO (TEST)").addRDN(BCStyle.CN, name).build();
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
            boolean server = "SERVER".equals(type);
            return ca.issue(CertificateProfile.of(type, variant), csr, server ? 199 : 365, server
                    ? CertificateAuthority.AltNames.dns(java.util.List.of(name))
                    : CertificateAuthority.AltNames.NONE).serialHex();
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the DEMO certificate for " + name, e);
        }
    }
}
