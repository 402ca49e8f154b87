package hk.post.ecert.counter.domain.model.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * A counter PC running the terminal agent. A supervisor enrols it with a one-time code; the terminal then proves
 * itself on every connection by signing the server's challenge with its own key (Ed25519). A revoked terminal is
 * refused.
 */
@Entity
@Table(name = "terminal")
public class Terminal {

    @Id
    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "office_code", nullable = false)
    private String officeCode;

    @Column(name = "counter_code", nullable = false)
    private String counterCode;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "enrolment_code_hash")
    private String enrolmentCodeHash;

    @Column(name = "enrolment_expires_at")
    private Instant enrolmentExpiresAt;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "enrolled_by")
    private String enrolledBy;

    @Column(nullable = false)
    private boolean revoked;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(name = "health_json")
    private String healthJson;

    /** A counter PC, or a self-service kiosk in the hall (issue 17): its screens are bound to it, not to a staff login. */
    public enum Kind { COUNTER, KIOSK }

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Kind kind = Kind.COUNTER;

    @Version
    private long version;

    protected Terminal() {
    }

    public Terminal(String terminalId, String officeCode, String counterCode) {
        this(terminalId, officeCode, counterCode, Kind.COUNTER);
    }

    public Terminal(String terminalId, String officeCode, String counterCode, Kind kind) {
        this.terminalId = terminalId;
        this.officeCode = officeCode;
        this.counterCode = counterCode;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** An enrolled kiosk, not revoked: the only kind of terminal whose screens a kiosk session may use. */
    public boolean enrolledKiosk() {
        return kind == Kind.KIOSK && enrolled();
    }

    /** A supervisor allows this PC to enrol once, with a code it is given out of band, until {@code expiresAt}. */
    public void allowEnrolment(String codeHash, Instant expiresAt, String supervisor) {
        this.enrolmentCodeHash = codeHash;
        this.enrolmentExpiresAt = expiresAt;
        this.enrolledBy = supervisor;
        this.revoked = false;
    }

    public boolean mayEnrolWith(String codeHash, Instant now) {
        return !revoked && enrolmentCodeHash != null && enrolmentCodeHash.equals(codeHash)
                && enrolmentExpiresAt != null && now.isBefore(enrolmentExpiresAt);
    }

    /** The terminal's key is bound; the one-time code is used up. */
    public void enrolmentWasCompleted(String publicKey, Instant at) {
        this.publicKey = publicKey;
        this.enrolledAt = at;
        this.enrolmentCodeHash = null;
        this.enrolmentExpiresAt = null;
    }

    public void revoke() {
        this.revoked = true;
        this.publicKey = null;
        this.enrolmentCodeHash = null;
    }

    public void healthWasReported(String json, Instant at) {
        this.healthJson = json;
        this.lastSeen = at;
    }

    public void wasSeen(Instant at) {
        this.lastSeen = at;
    }

    public String terminalId() {
        return terminalId;
    }

    public String officeCode() {
        return officeCode;
    }

    public String counterCode() {
        return counterCode;
    }

    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    public boolean revoked() {
        return revoked;
    }

    public boolean enrolled() {
        return publicKey != null && !revoked;
    }

    public Optional<Instant> enrolledAt() {
        return Optional.ofNullable(enrolledAt);
    }

    public Optional<String> enrolledBy() {
        return Optional.ofNullable(enrolledBy);
    }

    public Optional<Instant> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    public Optional<String> healthJson() {
        return Optional.ofNullable(healthJson);
    }
}
