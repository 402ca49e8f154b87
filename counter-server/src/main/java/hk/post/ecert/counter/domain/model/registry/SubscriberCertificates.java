package hk.post.ecert.counter.domain.model.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscriber registry's store: certificates with their subscription and the keyed digests of the identity they
 * were issued to (never the HKID itself), the lookup audit, and the subscription extensions paid at the till.
 */
public interface SubscriberCertificates {

    /** What a lookup searches by; an HKID is searched by its keyed digest. */
    enum Key { SRN, SERIAL, HKID_DIGEST, BR }

    /** Certificates whose {@code key} is {@code value}, the latest expiry first. */
    List<SubscriberCertificate> find(Key key, String value);

    Optional<SubscriberCertificate> bySerial(String serialHex);

    /** An organisation's certificates of one type, the latest expiry first. */
    List<SubscriberCertificate> ofOrganisation(String typeCode, String brNumber);

    /** Active Personal certificates, still valid on {@code today}, whose subscription ended before it. */
    List<SubscriberCertificate> lapsedPersonal(LocalDate today);

    /** Active certificates, not expired on {@code today}, whose certificate or subscription ends by {@code until} (issue 30's notices). */
    List<SubscriberCertificate> endingBy(LocalDate today, LocalDate until);

    void add(SubscriberCertificate c, String hkidDigest, String hkidMasked);

    long count();

    /** Moves the subscription end from {@code oldEnd} to {@code newEnd}; false when it was no longer {@code oldEnd}. */
    boolean extendSubscription(String serialHex, LocalDate oldEnd, LocalDate newEnd);

    /** An extension paid at the till, by the payment that paid for it. */
    record Extension(String paymentId, String serialHex, int years, LocalDate oldEnd, LocalDate newEnd, String by, Instant at) {
    }

    void addExtension(Extension e);

    /** The extensions one payment paid for (several in a basket), one per certificate. */
    List<Extension> extensionsPaidBy(String paymentId);

    /** Moves the subscription end back from {@code from} to {@code to}; false when it was no longer {@code from}. */
    boolean withdrawExtension(String serialHex, LocalDate from, LocalDate to);

    /** The extension paid by {@code paymentId} was taken back with its money. */
    void addExtensionReversal(String paymentId, String serialHex, String by, Instant at);

    boolean extensionReversed(String paymentId, String serialHex);

    /** ACTIVE → SUSPENDED because its subscription lapsed (or SUSPENDED recorded as a lapse); false when it was neither. */
    boolean suspendForLapse(String serialHex);

    /** Whether the certificate is suspended because its subscription lapsed. */
    boolean suspendedForLapse(String serialHex);

    /** SUSPENDED for a lapse → ACTIVE (its subscription paid again); false when it was not. */
    boolean reinstate(String serialHex);

    /** A supervisor's approval to reinstate after the grace period, for one day. */
    record ReinstatementApproval(String serialHex, java.time.LocalDate on, String approvedBy, String clerk, String reason, Instant at) {
    }

    /** Records an approval; false when one was already given that day (the first stands). */
    boolean approveReinstatement(ReinstatementApproval a);

    Optional<ReinstatementApproval> reinstatementApproval(String serialHex, java.time.LocalDate on);

    /** Any status → REVOKED; false when it was revoked already. */
    boolean markRevoked(String serialHex);

    Optional<String> hkidDigest(String serialHex);

    Optional<String> dateOfBirthDigest(String serialHex);

    void setDateOfBirthDigest(String serialHex, String digest);

    /** A renewed certificate carries the identity digests of the one it renews. */
    void copyIdentityDigests(String fromSerial, String toSerial);

    /** A lookup as audited: who, when, how, the value as shown (masked), why, and how many were found. */
    void auditLookup(String who, Instant at, String kind, String shownValue, String reason, int results);

    /** The last {@code n} lookups, newest first: who, at, kind, value, reason, results. */
    List<Map<String, Object>> recentLookups(int n);
}
