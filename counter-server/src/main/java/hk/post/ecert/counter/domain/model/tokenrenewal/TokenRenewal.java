package hk.post.ecert.counter.domain.model.tokenrenewal;

import hk.post.ecert.counter.domain.model.devicejob.ReportedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * Renewing a certificate onto the customer's medium as one saga: the key pair is generated on the medium and signs
 * the CSR there, the CA issues, the terminal writes the certificate next to the key and reads it back. Each step is
 * recorded with its time; the state always says exactly what happened.
 */
@Entity
@Table(name = "token_renewal")
public class TokenRenewal {

    @Id
    @Column(name = "renewal_id")
    private String renewalId;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    /** The approved renewal case this attempt writes; every attempt belongs to one. */
    @Column(name = "case_ref")
    private String caseRef;

    @Column(nullable = false)
    private String clerk;

    @Column(name = "type_code", nullable = false)
    private String typeCode;

    @Column(name = "variant_code", nullable = false)
    private String variantCode;

    @Column(name = "validity_years", nullable = false)
    private int validityYears;

    @Column(name = "subject_dn", nullable = false)
    private String subjectDn;

    @Column(name = "token_profile", nullable = false)
    private String tokenProfile;

    @Column(name = "token_label")
    private String tokenLabel;

    @Column(name = "key_id", nullable = false)
    private String keyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RenewalState state;

    @Column(name = "current_job_id")
    private String currentJobId;

    @Column(name = "write_attempts", nullable = false)
    private int writeAttempts;

    @Lob
    @Column(name = "csr_der")
    private String csrDer;

    @Column(name = "serial_hex")
    private String serialHex;

    @Lob
    @Column(name = "certificate_der")
    private String certificateDer;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "failure_detail")
    private String failureDetail;

    @Column(nullable = false)
    private String history;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TokenRenewal() {
    }

    public TokenRenewal(String renewalId, String caseRef, String terminalId, String clerk, String typeCode, String variantCode,
                        int validityYears, String subjectDn, String tokenProfile, String tokenLabel, String keyId, Instant at) {
        this.renewalId = renewalId;
        this.caseRef = caseRef;
        this.terminalId = terminalId;
        this.clerk = clerk;
        this.typeCode = typeCode;
        this.variantCode = variantCode;
        this.validityYears = validityYears;
        this.subjectDn = subjectDn;
        this.tokenProfile = tokenProfile;
        this.tokenLabel = tokenLabel;
        this.keyId = keyId;
        this.state = RenewalState.REQUESTED;
        this.history = "";
        this.createdAt = at;
        record(RenewalState.REQUESTED, at, "");
    }

    private void record(RenewalState next, Instant at, String note) {
        state = next;
        updatedAt = at;
        String line = next + " " + at + (note.isEmpty() ? "" : " " + note) + "\n";
        history = (history + line).length() > 3900 ? history : history + line;
    }

    private void require(RenewalState... allowed) {
        for (RenewalState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalStateException("renewal " + renewalId + " is " + state + ", not " + java.util.Arrays.toString(allowed));
    }

    public void keyJobWasSent(String jobId) {
        require(RenewalState.REQUESTED);
        currentJobId = jobId;
    }

    /** The medium made the key and signed the CSR with it. */
    public void csrWasSigned(String csrBase64, Instant at) {
        require(RenewalState.REQUESTED);
        record(RenewalState.KEY_GENERATED, at, "");
        csrDer = csrBase64;
        record(RenewalState.CSR_SIGNED, at, "");
    }

    public void certificateWasIssued(String serialHex, String certificateBase64, Instant at) {
        require(RenewalState.CSR_SIGNED);
        this.serialHex = serialHex;
        this.certificateDer = certificateBase64;
        record(RenewalState.ISSUED, at, "serial " + serialHex);
    }

    public void writeJobWasSent(String jobId) {
        require(RenewalState.ISSUED, RenewalState.WRITE_FAILED);
        if (state == RenewalState.WRITE_FAILED) {
            record(RenewalState.ISSUED, Instant.now(), "retry write");
        }
        writeAttempts++;
        currentJobId = jobId;
        failureReason = null;
        failureDetail = null;
    }

    public void certificateWasWrittenAndVerified(Instant at) {
        require(RenewalState.ISSUED);
        record(RenewalState.WRITTEN, at, "");
        record(RenewalState.VERIFIED, at, "");
        currentJobId = null;
    }

    /** A step failed. Before issuance nothing exists to undo; after it, the certificate waits for the clerk. */
    public void stepFailed(String reason, String detail, Instant at) {
        failureReason = ReportedText.fit(reason, 64);
        failureDetail = ReportedText.fit(detail, 512);
        currentJobId = null;
        if (state == RenewalState.ISSUED) {
            record(RenewalState.WRITE_FAILED, at, reason);
        } else {
            record(RenewalState.FAILED, at, reason);
        }
    }

    public void certificateWasRevoked(Instant at) {
        require(RenewalState.WRITE_FAILED);
        record(RenewalState.REVOKED, at, "serial " + serialHex);
    }

    public int nextWriteAttempt() {
        return writeAttempts + 1;
    }

    public String renewalId() {
        return renewalId;
    }

    /** The CSR the medium signed names this renewal's subscriber, and no one else. */
    public void requireCsrOfTheSubscriber(byte[] csrDer) {
        try {
            org.bouncycastle.pkcs.PKCS10CertificationRequest csr = new org.bouncycastle.pkcs.PKCS10CertificationRequest(csrDer);
            if (!csr.getSubject().equals(new org.bouncycastle.asn1.x500.X500Name(subjectDn))) {
                throw new IllegalArgumentException("the CSR names " + csr.getSubject() + ", not the subscriber " + subjectDn);
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable CSR from the medium");
        }
    }

    public String caseRef() {
        return caseRef;
    }

    public String terminalId() {
        return terminalId;
    }

    public String clerk() {
        return clerk;
    }

    public String typeCode() {
        return typeCode;
    }

    public String variantCode() {
        return variantCode;
    }

    public int validityYears() {
        return validityYears;
    }

    public String subjectDn() {
        return subjectDn;
    }

    public String tokenProfile() {
        return tokenProfile;
    }

    public Optional<String> tokenLabel() {
        return Optional.ofNullable(tokenLabel);
    }

    public String keyId() {
        return keyId;
    }

    public RenewalState state() {
        return state;
    }

    public Optional<String> currentJobId() {
        return Optional.ofNullable(currentJobId);
    }

    public Optional<String> csrDer() {
        return Optional.ofNullable(csrDer);
    }

    public Optional<String> serialHex() {
        return Optional.ofNullable(serialHex);
    }

    public Optional<String> certificateDer() {
        return Optional.ofNullable(certificateDer);
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Optional<String> failureDetail() {
        return Optional.ofNullable(failureDetail);
    }

    public String history() {
        return history;
    }
}
