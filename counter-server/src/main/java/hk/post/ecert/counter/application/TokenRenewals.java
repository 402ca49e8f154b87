package hk.post.ecert.counter.application;

import hk.post.ecert.counter.application.renewal.CertificateEmails;
import hk.post.ecert.counter.domain.model.renewal.CaseOffices;
import hk.post.ecert.counter.domain.model.till.Events;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.tokenrenewal.RenewalState;
import hk.post.ecert.counter.domain.model.tokenrenewal.TokenRenewal;
import hk.post.ecert.counter.domain.model.tokenrenewal.TokenRenewalRepository;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.service.CertificateRefusedException;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The token renewal saga (KEY_GENERATED → CSR_SIGNED → ISSUED → WRITTEN → VERIFIED) driven from the server: each
 * device result moves the renewal on. A failure after issuance is WRITE_FAILED — the clerk retries the write with
 * the same certificate, or revokes it and starts again.
 */
@ApplicationScoped
public class TokenRenewals {

    private static final Logger LOG = Logger.getLogger(TokenRenewals.class.getName());
    static final Duration TOKEN_JOB_LIFETIME = Duration.ofMinutes(10);

    @Inject
    TokenRenewalRepository renewals;

    @Inject
    DeviceJobs jobs;

    @Inject
    JobSecrets secrets;

    @Inject
    CertificateAuthority ca;

    @Inject
    CounterOverview counters;

    @Inject
    Triage triage;

    @Inject
    CounterJournal journal;

    @Inject
    RenewalCaseRepository cases;

    @Inject
    CertificateEmails emails;

    @Inject
    CaseOffices offices;

    @Inject
    SubscriberRegistry registry;

    @Inject
    RenewalCaseRepository caseRecords;

    /**
     * Starts writing an approved case's renewed certificate onto the customer's medium at the clerk's counter. This is
     * the only way the counter causes a certificate on a medium: type, variant, term, the subscriber's name and the
     * medium all come from the case, which must have been identity-checked, paid and approved by another person.
     * A repeated click while an attempt runs returns that attempt; after a failed attempt (nothing issued, or the
     * certificate revoked) a new attempt on the same case starts, and the case's history records each.
     *
     * @return the attempt's renewal id
     */
    @Transactional
    public String start(String caseRef, String clerk, String tokenLabel, char[] pin) {
        RenewalCase k = cases.lock(caseRef == null ? "" : caseRef.trim())
                .orElseThrow(() -> new CaseRefusal("No renewal case " + caseRef + ".", "沒有續期個案 " + caseRef + "。"));
        k.tokenWriteStarted();
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        if (!offices.officeOf(k.caseRef()).map(place.office()::equals).orElse(false)) {
            throw new CaseRefusal("Case " + k.caseRef() + " belongs to another office.", "個案 " + k.caseRef() + " 屬於另一辦事處。");
        }
        List<TokenRenewal> attempts = renewals.ofCase(k.caseRef());
        if (!attempts.isEmpty()) {
            TokenRenewal last = attempts.get(attempts.size() - 1);
            if (last.state() != RenewalState.FAILED && last.state() != RenewalState.REVOKED) {
                return last.renewalId();   // running, waiting for a retry of its write, or done
            }
        }
        if (pin == null || pin.length < 4) {
            throw new IllegalArgumentException("the PIN must have at least 4 characters");
        }
        Variant variant = triage.catalogue().type(k.typeCode()).variant(k.variantCode());
        String medium = k.mediumToWrite(variant);
        SubscriberCertificate cert = registry.bySerial(k.serialHex()).orElseThrow();
        String terminalId = counters.terminalAt(place)
                .orElseThrow(() -> new IllegalStateException("no enrolled terminal at counter " + place.counter()));
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "HK").addRDN(BCStyle.O, "e-Cert Counter (TEST)")
                .addRDN(BCStyle.CN, cert.subjectName().trim()).build();
        String renewalId = "TR-" + k.caseRef() + "-" + (attempts.size() + 1);
        String keyId = HexFormat.of().formatHex(renewalId.getBytes(StandardCharsets.US_ASCII));
        TokenRenewal r = new TokenRenewal(renewalId, k.caseRef(), terminalId, clerk, k.typeCode(), k.variantCode(), k.years(),
                subject.toString(), medium, blankToNull(tokenLabel), keyId, Instant.now());
        renewals.add(r);
        secrets.hold(renewalId, pin);
        Map<String, Object> payload = target(r);
        payload.put("subject", r.subjectDn());
        // the earlier attempts ended without a certificate in use (failed, or revoked): whatever they left on the
        // medium — a key pair made before the terminal could answer, a revoked certificate — is removed first
        payload.put("discard", attempts.stream().map(TokenRenewal::keyId).toList());
        String jobId = jobs.submitOnce("JOB-" + renewalId + "-KEY", terminalId, JobKind.TOKEN_GENERATE_KEY, payload,
                "Key pair and CSR on the medium for " + renewalId, clerk, TOKEN_JOB_LIFETIME);
        r.keyJobWasSent(jobId);
        caseEvent(k.caseRef(), clerk, "token write attempt " + (attempts.size() + 1) + " started (" + renewalId + ", " + medium
                + (r.tokenLabel().isPresent() ? " '" + r.tokenLabel().get() + "'" : "") + ")");
        return renewalId;
    }

    private void caseEvent(String caseRef, String actor, String what) {
        if (caseRef != null) {
            caseRecords.event(caseRef, actor, what);
        }
    }

    private static Map<String, Object> target(TokenRenewal r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("profile", r.tokenProfile());
        p.put("label", r.tokenLabel().orElse(""));
        p.put("keyId", r.keyId());
        p.put("secretRef", r.renewalId());
        return p;
    }

    void jobWasFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobWasFinished event) {
        if (event.kind().startsWith("TOKEN_")) {
            self.get().advance(event.result());
        }
    }

    @Inject
    Instance<TokenRenewals> self;

    @Inject
    Event<TokenWasWritten> written;

    /** Moves the renewal whose device job just ended. */
    @Transactional
    public void advance(JobResult result) {
        Optional<TokenRenewal> found = renewals.byCurrentJob(result.jobId());
        if (found.isEmpty()) {
            return;
        }
        TokenRenewal r = found.get();
        Instant now = Instant.now();
        if (r.state() == RenewalState.REQUESTED) {
            if (result.outcome() != JobOutcome.DONE) {
                r.stepFailed(result.reason() == null ? result.outcome().name() : result.reason(), result.detail(), now);
                secrets.forget(r.renewalId());
                return;
            }
            String csr = result.output().get("csr");
            try {
                r.requireCsrOfTheSubscriber(Base64.getDecoder().decode(csr));
                r.csrWasSigned(csr, now);
                CertificateAuthority.Issued issued = ca.issue(CertificateProfile.of(r.typeCode(), r.variantCode()),
                        Base64.getDecoder().decode(csr), r.validityYears() * 365, emails.of(r.caseRef()));
                r.certificateWasIssued(issued.serialHex(), Base64.getEncoder().encodeToString(issued.certificateDer()), now);
                journal.record(r.clerk(), Events.CERTIFICATE_ISSUED,
                        certificateEvent(r, issued.serialHex()));
                sendWrite(r, issued.chainDer());
            } catch (CertificateRefusedException | IllegalArgumentException e) {
                r.stepFailed("CA_REFUSED", e.getMessage(), now);
                secrets.forget(r.renewalId());
            }
        } else if (r.state() == RenewalState.ISSUED) {
            if (result.outcome() == JobOutcome.DONE && "true".equals(result.output().get("verified"))) {
                r.certificateWasWrittenAndVerified(now);
                if (r.caseRef() != null) {
                    written.fire(new TokenWasWritten(r.renewalId(), r.caseRef(), r.clerk()));
                }
            } else {
                r.stepFailed(result.reason() == null ? result.outcome().name() : result.reason(), result.detail(), now);
            }
            secrets.forget(r.renewalId());
        }
    }

    private static Map<String, Object> certificateEvent(TokenRenewal r, String serialHex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("renewal", r.renewalId());
        m.put("type", r.typeCode());
        m.put("variant", r.variantCode());
        m.put("serial", serialHex);
        m.put("years", r.validityYears());
        return m;
    }

    private void sendWrite(TokenRenewal r, List<byte[]> chain) {
        Map<String, Object> payload = target(r);
        payload.put("certificate", r.certificateDer().orElseThrow());
        payload.put("chain", chain.stream().map(c -> Base64.getEncoder().encodeToString(c)).toList());
        String jobId = jobs.submitOnce("JOB-" + r.renewalId() + "-W" + r.nextWriteAttempt(), r.terminalId(),
                JobKind.TOKEN_INSTALL_CERTIFICATE, payload, "Write certificate " + r.serialHex().orElse("") + " to the medium",
                r.clerk(), TOKEN_JOB_LIFETIME);
        r.writeJobWasSent(jobId);
    }

    /** After WRITE_FAILED: write the same certificate again (the customer re-enters the PIN). */
    @Transactional
    public void retryWrite(String renewalId, String clerk, char[] pin) {
        TokenRenewal r = renewals.find(renewalId).orElseThrow(() -> new NoSuchElementException("no renewal " + renewalId));
        if (r.state() != RenewalState.WRITE_FAILED) {
            return;   // a repeated click: the retry is already under way
        }
        secrets.hold(renewalId, pin);
        caseEvent(r.caseRef(), clerk, "token write retried with the same certificate " + r.serialHex().orElse("") + " ("
                + renewalId + ", write " + (r.nextWriteAttempt()) + ")");
        sendWrite(r, ca.chain(CertificateProfile.of(r.typeCode(), r.variantCode()).issuingCa()));
    }

    /** After WRITE_FAILED: revoke the issued certificate; the clerk then starts a new renewal. */
    @Transactional
    public void revokeAndAbandon(String renewalId, String clerk) {
        TokenRenewal r = renewals.find(renewalId).orElseThrow(() -> new NoSuchElementException("no renewal " + renewalId));
        if (r.state() != RenewalState.WRITE_FAILED) {
            return;
        }
        ca.revoke(r.serialHex().orElseThrow(), "SUPERSEDED");
        r.certificateWasRevoked(Instant.now());
        journal.record(r.clerk(), Events.CERTIFICATE_REVOKED,
                certificateEvent(r, r.serialHex().orElseThrow()));
        secrets.forget(renewalId);
        caseEvent(r.caseRef(), clerk, "certificate " + r.serialHex().orElse("") + " revoked after a failed write (" + renewalId
                + "); a new attempt may start on this case");
        LOG.info(() -> "renewal " + renewalId + ": certificate " + r.serialHex().orElse("") + " revoked after a failed write");
    }

    /** What the screen shows of a renewal. */
    public record View(String renewalId, RenewalState state, String subjectDn, String serialHex, String failureReason,
                       String failureDetail, String history, String tokenProfile, String caseRef) {
    }

    @Transactional
    public Optional<View> view(String renewalId) {
        return renewals.find(renewalId).map(TokenRenewals::view);
    }

    /** The case's latest attempt to write onto a medium. */
    @Transactional
    public Optional<View> latestOfCase(String caseRef) {
        List<TokenRenewal> all = renewals.ofCase(caseRef);
        return all.isEmpty() ? Optional.empty() : Optional.of(view(all.get(all.size() - 1)));
    }

    private static View view(TokenRenewal r) {
        return new View(r.renewalId(), r.state(), r.subjectDn(), r.serialHex().orElse(null), r.failureReason().orElse(null),
                r.failureDetail().orElse(null), r.history(), r.tokenProfile(), r.caseRef());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
