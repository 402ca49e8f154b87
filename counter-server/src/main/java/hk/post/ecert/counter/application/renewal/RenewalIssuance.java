package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.notice.CaseNoticeEvent;

import hk.post.ecert.counter.application.DispatchMedia;
import hk.post.ecert.counter.application.OnBehalfIssuance;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import hk.post.ecert.counter.domain.model.tokenrenewal.RenewalState;
import hk.post.ecert.counter.application.TokenRenewals;
import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.TokenWasWritten;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.server.CsrRules;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.service.CertificateRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How an approved renewal case gets its certificate to the subscriber: issued on the subscriber's behalf for
 * registered mail (the medium file kept, its PIN shown once), written onto the customer's medium at the counter by
 * the token renewal saga, or — for e-Cert (Server) — from the AR's CSR checked against the approved names (rule 7);
 * then dispatch (rule 10).
 */
@ApplicationScoped
public class RenewalIssuance {

    private static final Logger LOG = Logger.getLogger(RenewalIssuance.class.getName());

    @Inject
    SubscriberRegistry registry;

    @Inject
    Triage triage;

    @Inject
    CertificateAuthority ca;

    @Inject
    CounterJournal journal;

    @Inject
    RenewalCaseRepository repository;

    @Inject
    DispatchMedia media;

    @Inject
    CertificateEmails emails;


    /** Issues for registered mail; the medium's file is kept, and its PIN returned once for the PIN envelope. */
    char[] issueOnBehalf(RenewalCase k, String officer) {
        SubscriberCertificate old = registry.bySerial(k.serialHex()).orElseThrow();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "HK")
                .addRDN(BCStyle.O, "e-Cert Counter (TEST)").addRDN(BCStyle.CN, old.subjectName()).build();
        OnBehalfIssuance.Medium m = OnBehalfIssuance.issue(ca,
                subject, CertificateProfile.of(k.typeCode(), k.variantCode()),
                k.certificateDays(old, triage.catalogue().type(k.typeCode()).variant(k.variantCode()), registry.today()),
                emails.of(k.caseRef()));
        issued(k, old, m.issued(), officer);
        media.keep(k.caseRef(), m);
        event(k.caseRef(), officer, "medium file (PKCS#12) prepared; its PIN was shown once for the PIN envelope");
        return m.pin();
    }

    private void issued(RenewalCase k, SubscriberCertificate old, CertificateAuthority.Issued issued, String actor) {
        k.issued(issued.serialHex());
        registry.registerRenewal(k.renewedCertificate(old, triage.catalogue().type(k.typeCode()).variant(k.variantCode()),
                issued.serialHex(), issued.issuingCa(), registry.today()), old.serialHex());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("case", k.caseRef());
        e.put("serial", issued.serialHex());
        e.put("renews", old.serialHex());
        e.put("ca", issued.issuingCa());
        journal.recordAt("REGISTRY", actor, "CERT_ISSUED", e);
        event(k.caseRef(), actor, "certificate " + issued.serialHex() + " issued by " + issued.issuingCa());
    }

    /** e-Cert (Server): the AR's CSR, checked against the approved names (rule 7), then issued. */
    @Transactional
    public CsrRules.Verdict submitCsr(String caseRef, String clerk, byte[] csr) {
        // any office may take it (issue 29); a case that does not exist answers as one not waiting for a CSR
        RenewalCase k = load(caseRef).filter(c -> c.delivery() == RenewalCase.Delivery.CSR && c.state() == RenewalCase.State.APPROVED)
                .orElseThrow(() -> new CaseRefusal("No case " + caseRef + " is waiting for a CSR.", "沒有個案 " + caseRef + " 正等候證書簽署要求。"));
        CsrRules.Verdict v = CsrRules.check(csr, CsrRules.Kind.ofVariant(k.variantCode()), new java.util.LinkedHashSet<>(k.approvedNames()));
        if (!v.acceptable()) {
            event(caseRef, clerk, "CSR refused: " + String.join(" ", v.problems().stream().map(Bilingual::en).toList()));
            return v;
        }
        try {
            byte[] der = CsrRules.parse(csr).getEncoded();
            SubscriberCertificate old = registry.bySerial(k.serialHex()).orElseThrow();
            CertificateAuthority.Issued issued = ca.issue(CertificateProfile.of(k.typeCode(), k.variantCode()), der,
                    k.certificateDays(old, registry.variantOf(old), registry.today()),
                    CertificateAuthority.AltNames.dns(k.approvedNames()));   // exactly the approved names
            issued(k, old, issued, clerk);
            save(k);
            caseNotices.fire(new CaseNoticeEvent(caseRef, CaseNoticeEvent.Step.CSR_ISSUED));
            return v;
        } catch (CertificateRefusedException e) {
            throw new CaseRefusal("The certificate authority refused: " + e.getMessage(), "核證機關拒絕簽發：" + e.getMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Server case's issued certificate for download, from the CA's record of every certificate it issued (read from
     * the database, so any instance of the counter service can answer).
     */
    @Transactional
    public Optional<String> certificatePem(String caseRef) {
        Optional<String> serial = load(caseRef).filter(k -> "SERVER".equals(k.typeCode())).map(RenewalCase::newSerialHex);
        if (serial.isEmpty()) {
            return Optional.empty();
        }
        return ca.issued(serial.get()).map(der -> "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n");
    }

    @Inject
    jakarta.enterprise.event.Event<CaseNoticeEvent> caseNotices;

    /** The names a case certifies (empty for a case that does not exist). */
    @Transactional
    public List<String> approvedNames(String caseRef) {
        return repository.lock(caseRef).map(RenewalCase::approvedNames).orElse(List.of());
    }

    /** A Server case's issued certificate and its chain up to the root, PEM (what the AR installs). */
    @Transactional
    public Optional<String> certificateChainPem(String caseRef) {
        Optional<String> cert = certificatePem(caseRef);
        if (cert.isEmpty()) {
            return Optional.empty();
        }
        SubscriberCertificate issued = registry.bySerial(load(caseRef).orElseThrow().newSerialHex()).orElseThrow();
        StringBuilder b = new StringBuilder(cert.get());
        ca.chain(issued.issuingCa()).forEach(der -> b.append("-----BEGIN CERTIFICATE-----\n")
                .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)).append("\n-----END CERTIFICATE-----\n"));
        return Optional.of(b.toString());
    }

    @Inject
    TokenRenewals tokens;

    /**
     * Token delivery: after approval the renewed certificate is made on the customer's medium at the counter (key
     * pair generated on it, never leaving it) by the token renewal saga. The saga's id is derived from the case, so
     * a repeated click starts it once.
     */
    @Transactional
    public String startTokenWrite(String caseRef, String clerk, String tokenLabel, char[] pin) {
        return tokens.start(caseRef, clerk, tokenLabel, pin);
    }

    /** The saga verified the certificate on the medium: the case completes at once, on the server. */
    void tokenWasWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenWasWritten event) {
        try {
            self.get().completeTokenWrite(event.caseRef(), event.clerk());
        } catch (RuntimeException e) {
            // the sweep (completeVerifiedWrites) completes it on its next run
            LOG.log(Level.WARNING, "case " + event.caseRef() + " not completed after its verified write", e);
        }
    }

    @Inject
    Instance<RenewalIssuance> self;

    /**
     * Completes every token-delivered case whose write was verified but not yet recorded on the case (an instance that
     * stopped between the two); run by the server's schedule. Returns how many were completed.
     */
    @Transactional
    public int completeVerifiedWrites() {
        int n = 0;
        for (String ref : repository.approvedForToken()) {
            n += completeTokenWrite(ref, "system") ? 1 : 0;
        }
        return n;
    }

    /** Completes a token-delivered case once its saga verified the certificate on the medium. */
    @Transactional
    public boolean completeTokenWrite(String caseRef, String clerk) {
        RenewalCase k = load(caseRef).orElseThrow();
        if (k.state() != RenewalCase.State.APPROVED || k.delivery() != RenewalCase.Delivery.TOKEN_AT_COUNTER) {
            return false;
        }
        Optional<TokenRenewals.View> r = tokens.latestOfCase(caseRef);
        if (r.isEmpty() || r.get().state() != RenewalState.VERIFIED) {
            return false;
        }
        SubscriberCertificate old = registry.bySerial(k.serialHex()).orElseThrow();
        k.issued(r.get().serialHex());
        registry.registerRenewal(k.renewedCertificate(old, triage.catalogue().type(k.typeCode()).variant(k.variantCode()),
                r.get().serialHex(), CertificateProfile.of(k.typeCode(), k.variantCode()).issuingCa(), registry.today()), old.serialHex());
        save(k);
        event(caseRef, clerk, "certificate " + r.get().serialHex() + " written and verified on the medium");
        return true;
    }

    /**
     * Whether the case's token write still needs the screen to look again: the case awaits its medium and the latest
     * write is under way or verified but not yet recorded on the case. A failed write waits for the clerk instead.
     */
    @Transactional
    public boolean tokenWritePending(String caseRef) {
        Optional<RenewalCase> k = load(caseRef);
        if (k.isEmpty() || k.get().state() != RenewalCase.State.APPROVED) {
            return false;
        }
        return tokens.latestOfCase(caseRef).map(r -> switch (r.state()) {
            case FAILED, WRITE_FAILED, REVOKED -> false;
            default -> true;
        }).orElse(false);
    }

    /** Rule 10: the medium and the PIN envelope go by registered mail separately. */
    @Transactional
    public void dispatch(String caseRef, String clerk, String pinEnvelope, String mediumArticle, String pinArticle) {
        RenewalCase k = load(caseRef).orElseThrow();
        k.dispatched(pinEnvelope, mediumArticle, pinArticle);
        save(k);
        media.dispatched(caseRef);
        event(caseRef, clerk, "dispatched: medium " + k.mediumArticleNo() + ", PIN envelope " + k.pinEnvelopeNo() + " in "
                + k.pinArticleNo() + "; the medium file is deleted");
        caseNotices.fire(new CaseNoticeEvent(caseRef, CaseNoticeEvent.Step.DISPATCHED));
    }

    private Optional<RenewalCase> load(String caseRef) {
        return repository.lock(caseRef);
    }

    private void save(RenewalCase k) {
        repository.save(k);
    }

    private void event(String caseRef, String actor, String what) {
        repository.event(caseRef, actor, what);
    }
}
