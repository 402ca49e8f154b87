package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.IOException;
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

    /** What the clerk asks for. The PIN is used for this saga and forgotten. */
    public record Request(String requestId, String clerk, String typeCode, String variantCode, int years,
                         String subscriberName, String tokenProfile, String tokenLabel) {
    }

    /**
     * Starts a renewal onto the customer's medium at the clerk's counter. The request id comes from the screen, so
     * a double click starts one renewal.
     *
     * @return the renewal id
     */
    @Transactional
    public String start(Request q, char[] pin) {
        String renewalId = "TR-" + q.requestId();
        if (renewals.find(renewalId).isPresent()) {
            return renewalId;
        }
        CertificateType type = triage.catalogue().type(q.typeCode());
        Variant variant = type.variant(q.variantCode());
        if (type.channel() != Channel.COUNTER || variant.media().isEmpty()) {
            throw new IllegalArgumentException(type.name().en() + " / " + variant.name().en() + " is not written onto a medium at the counter");
        }
        if (!variant.validityYears().contains(q.years())) {
            throw new IllegalArgumentException("validity of " + q.years() + " years is not offered for " + variant.name().en());
        }
        if (q.subscriberName() == null || q.subscriberName().isBlank()) {
            throw new IllegalArgumentException("the subscriber's name is needed");
        }
        if (pin == null || pin.length < 4) {
            throw new IllegalArgumentException("the PIN must have at least 4 characters");
        }
        CounterOverview.CounterPlace place = counters.placeOf(q.clerk());
        String terminalId = counters.terminalAt(place)
                .orElseThrow(() -> new IllegalStateException("no enrolled terminal at counter " + place.counter()));
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "HK").addRDN(BCStyle.O, "e-Cert Counter (TEST)")
                .addRDN(BCStyle.CN, q.subscriberName().trim()).build();
        String keyId = HexFormat.of().formatHex(renewalId.getBytes(StandardCharsets.US_ASCII));
        TokenRenewal r = new TokenRenewal(renewalId, terminalId, q.clerk(), q.typeCode(), q.variantCode(), q.years(),
                subject.toString(), q.tokenProfile(), blankToNull(q.tokenLabel()), keyId, Instant.now());
        renewals.add(r);
        secrets.hold(renewalId, pin);
        Map<String, Object> payload = target(r);
        payload.put("subject", r.subjectDn());
        String jobId = jobs.submitOnce("JOB-" + renewalId + "-KEY", terminalId, JobKind.TOKEN_GENERATE_KEY, payload,
                "Key pair and CSR on the medium for " + renewalId, q.clerk(), TOKEN_JOB_LIFETIME);
        r.keyJobWasSent(jobId);
        return renewalId;
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
            steps().advance(event.result());
        }
    }

    @Inject
    jakarta.enterprise.inject.Instance<TokenRenewals> self;

    private TokenRenewals steps() {
        return self.get();
    }

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
                checkCsrNames(r, Base64.getDecoder().decode(csr));
                r.csrWasSigned(csr, now);
                CertificateAuthority.Issued issued = ca.issue(CertificateProfile.of(r.typeCode(), r.variantCode()),
                        Base64.getDecoder().decode(csr), r.validityYears() * 365);
                r.certificateWasIssued(issued.serialHex(), Base64.getEncoder().encodeToString(issued.certificateDer()), now);
                journal.record(r.clerk(), hk.post.ecert.counter.domain.model.till.Events.CERTIFICATE_ISSUED,
                        certificateEvent(r, issued.serialHex()));
                sendWrite(r, issued.chainDer());
            } catch (CertificateRefusedException | IllegalArgumentException e) {
                r.stepFailed("CA_REFUSED", e.getMessage(), now);
                secrets.forget(r.renewalId());
            }
        } else if (r.state() == RenewalState.ISSUED) {
            if (result.outcome() == JobOutcome.DONE && "true".equals(result.output().get("verified"))) {
                r.certificateWasWrittenAndVerified(now);
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

    private static void checkCsrNames(TokenRenewal r, byte[] csrDer) {
        try {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(csrDer);
            if (!csr.getSubject().equals(new X500Name(r.subjectDn()))) {
                throw new IllegalArgumentException("the CSR names " + csr.getSubject() + ", not the subscriber " + r.subjectDn());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable CSR from the medium");
        }
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
    public void retryWrite(String renewalId, char[] pin) {
        TokenRenewal r = renewals.find(renewalId).orElseThrow(() -> new NoSuchElementException("no renewal " + renewalId));
        if (r.state() != RenewalState.WRITE_FAILED) {
            return;   // a repeated click: the retry is already under way
        }
        secrets.hold(renewalId, pin);
        sendWrite(r, ca.chain(CertificateProfile.of(r.typeCode(), r.variantCode()).issuingCa()));
    }

    /** After WRITE_FAILED: revoke the issued certificate; the clerk then starts a new renewal. */
    @Transactional
    public void revokeAndAbandon(String renewalId) {
        TokenRenewal r = renewals.find(renewalId).orElseThrow(() -> new NoSuchElementException("no renewal " + renewalId));
        if (r.state() != RenewalState.WRITE_FAILED) {
            return;
        }
        ca.revoke(r.serialHex().orElseThrow(), "SUPERSEDED");
        r.certificateWasRevoked(Instant.now());
        journal.record(r.clerk(), hk.post.ecert.counter.domain.model.till.Events.CERTIFICATE_REVOKED,
                certificateEvent(r, r.serialHex().orElseThrow()));
        secrets.forget(renewalId);
        LOG.info(() -> "renewal " + renewalId + ": certificate " + r.serialHex().orElse("") + " revoked after a failed write");
    }

    /** What the screen shows of a renewal. */
    public record View(String renewalId, RenewalState state, String subjectDn, String serialHex, String failureReason,
                       String failureDetail, String history, String tokenProfile) {
    }

    @Transactional
    public Optional<View> view(String renewalId) {
        return renewals.find(renewalId).map(r -> new View(r.renewalId(), r.state(), r.subjectDn(), r.serialHex().orElse(null),
                r.failureReason().orElse(null), r.failureDetail().orElse(null), r.history(), r.tokenProfile()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
