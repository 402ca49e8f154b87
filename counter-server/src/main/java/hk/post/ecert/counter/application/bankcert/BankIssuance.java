package hk.post.ecert.counter.application.bankcert;

import hk.post.ecert.counter.application.DispatchMedia;
import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.OnBehalfIssuance;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.bankcert.BankApplication;
import hk.post.ecert.counter.domain.model.bankcert.BankApplications;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBank;
import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The approval of a Bank-Cert (Bank) application by an officer other than the one who received it, and issuance
 * through the "2-15" CA: a new certificate (section C) and/or the renewal (section D), registered, journalled, and
 * kept as medium files for dispatch.
 */
@ApplicationScoped
public class BankIssuance {

    private static final String TYPE = BankCertDesk.TYPE;

    @Inject
    BankCertDesk desk;

    @Inject
    BankApplications applications;

    @Inject
    SubscriberRegistry registry;

    @Inject
    CertificateAuthority ca;

    @Inject
    CounterJournal journal;

    @Inject
    DispatchMedia media;


    /**
     * Approves and issues through the "2-15" CA: a new certificate (section C) and/or the renewal (section D). Each
     * certificate's medium file (PKCS#12) is kept for dispatch; the PINs that open them are returned once, for the
     * PIN envelopes, and never stored.
     */
    @Transactional
    public List<String> approve(String ref, String officer, String note) {
        List<String> pins = new ArrayList<>();
        BankApplication a = desk.load(ref).orElseThrow();
        a.vetting(officer);
        LicensedBank bank = desk.banks().byCode(a.bankCode()).orElseThrow();
        String newSerial = null;
        String renewedSerial = null;
        String newPem = null;
        String renewedPem = null;
        LocalDate today = registry.today();
        if (BankApplication.newCertificate(a.type())) {
            OnBehalfIssuance.Medium m = issue(a, bank, a.sections().unitName(), a.sections().certEmail(), a.sections().newYears());
            CertificateAuthority.Issued issued = m.issued();
            media.keep(ref + "-NEW", m);
            pins.add("new certificate " + issued.serialHex() + ": " + new String(m.pin()));
            newSerial = issued.serialHex();
            newPem = pem(issued.certificateDer());
            String srn = String.format("SRN-B-%06d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000));
            registry.register(new SubscriberCertificate(newSerial, srn, TYPE, a.type().name(), issued.issuingCa(), bank.name().en(),
                    null, bank.brNumber(), today, today.plusYears(a.sections().newYears()), null, CertificateStatus.ACTIVE,
                    "FILE", a.sections().arName().trim().toUpperCase(Locale.ROOT), false), Optional.empty());
            issuedEvent(ref, officer, issued, null);
        }
        if (BankApplication.renewal(a.type())) {
            String old = a.sections().renewSerial().trim().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
            SubscriberCertificate cert = registry.bySerial(old).orElseThrow();
            if (cert.newApplicationNeeded(today).isPresent()) {
                throw new CaseRefusal(cert.newApplicationNeeded(today).get());
            }
            OnBehalfIssuance.Medium m = issue(a, bank, a.sections().unitName(), a.sections().arEmail(), a.sections().renewYears());
            CertificateAuthority.Issued issued = m.issued();
            media.keep(ref + "-RENEWED", m);
            pins.add("renewed certificate " + issued.serialHex() + ": " + new String(m.pin()));
            renewedSerial = issued.serialHex();
            renewedPem = pem(issued.certificateDer());
            registry.registerRenewal(new SubscriberCertificate(renewedSerial, cert.srn(), TYPE, a.type().name(), issued.issuingCa(),
                    bank.name().en(), null, bank.brNumber(), today, today.plusYears(a.sections().renewYears()), null,
                    CertificateStatus.ACTIVE, cert.medium(), a.sections().arName().trim().toUpperCase(Locale.ROOT), false), old);
            issuedEvent(ref, officer, issued, old);
        }
        a.issued(officer, newSerial, renewedSerial, note == null ? null : note.trim());
        desk.save(a);
        applications.setCertificatePems(ref, newPem, renewedPem);
        desk.event(ref, officer, "approved" + (note == null || note.isBlank() ? "" : ": " + note.trim())
                + "; medium file(s) prepared, PIN(s) shown once for the PIN envelope(s)");
        return pins;
    }

    private OnBehalfIssuance.Medium issue(BankApplication a, LicensedBank bank, String unit, String email, int years) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "HK").addRDN(BCStyle.O, bank.name().en());
        if (unit != null && !unit.isBlank()) {
            n.addRDN(BCStyle.OU, unit.trim());
        }
        n.addRDN(BCStyle.CN, bank.name().en());
        if (email != null && !email.isBlank()) {
            n.addRDN(BCStyle.EmailAddress, email.trim());
        }
        return OnBehalfIssuance.issue(ca, n.build(), CertificateProfile.of(TYPE, a.type().name()), years * 365);
    }

    private void issuedEvent(String ref, String officer, CertificateAuthority.Issued issued, String renews) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("application", ref);
        e.put("serial", issued.serialHex());
        if (renews != null) {
            e.put("renews", renews);
        }
        e.put("ca", issued.issuingCa());
        journal.recordAt("REGISTRY", officer, "CERT_ISSUED", e);
        desk.event(ref, officer, "certificate " + issued.serialHex() + " issued by " + issued.issuingCa()
                + (renews == null ? " (new)" : " (renews " + renews + ")"));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----";
    }

    /** The issuing CA's chain (intermediate, root) as PEM, to check an issued certificate against. */
    public String chainPem() {
        StringBuilder b = new StringBuilder();
        for (byte[] der : ca.chain("2-15")) {
            b.append(pem(der)).append('\n');
        }
        return b.toString();
    }
}
