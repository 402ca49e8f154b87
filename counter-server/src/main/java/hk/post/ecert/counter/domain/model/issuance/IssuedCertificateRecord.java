package hk.post.ecert.counter.domain.model.issuance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A certificate the CA gateway issued, and whether it has been revoked. */
@Entity
@Table(name = "issued_certificate")
public class IssuedCertificateRecord {

    @Id
    @Column(name = "serial_hex")
    private String serialHex;

    @Column(name = "issuing_ca", nullable = false)
    private String issuingCa;

    @Column(name = "subject_dn", nullable = false)
    private String subjectDn;

    @Column(nullable = false)
    private String profile;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Lob
    @Column(nullable = false)
    private String der;

    @Column(nullable = false)
    private String status;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Version
    private long version;

    protected IssuedCertificateRecord() {
    }

    public IssuedCertificateRecord(String serialHex, String issuingCa, String subjectDn, String profile, Instant notBefore,
                                   Instant notAfter, String derBase64) {
        this.serialHex = serialHex;
        this.issuingCa = issuingCa;
        this.subjectDn = subjectDn;
        this.profile = profile;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.der = derBase64;
        this.status = "ACTIVE";
    }

    public void revoke(String reason, Instant at) {
        if (!"REVOKED".equals(status)) {
            status = "REVOKED";
            revokedAt = at;
            revocationReason = reason;
        }
    }

    /**
     * A certificate on hold is released: it is active again and leaves the next CRL. Only a hold is released; a
     * revocation for any other reason is final.
     *
     * @return whether it was on hold
     */
    public boolean releaseHold() {
        if ("REVOKED".equals(status) && "CERTIFICATE_HOLD".equals(revocationReason)) {
            status = "ACTIVE";
            revokedAt = null;
            revocationReason = null;
            return true;
        }
        return false;
    }

    /** The certificate as issued (DER). */
    public byte[] der() {
        return java.util.Base64.getDecoder().decode(der);
    }

    public String profile() {
        return profile;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public String serialHex() {
        return serialHex;
    }

    public String issuingCa() {
        return issuingCa;
    }

    public boolean revoked() {
        return "REVOKED".equals(status);
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revocationReason() {
        return revocationReason;
    }
}
