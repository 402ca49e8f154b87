package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.domain.model.issuance.IssuedCertificateRecord;

import java.util.List;
import java.util.Optional;

/**
 * What the embedded CA keeps: every certificate it issued with its revocation state, and each issuing CA's CRL number.
 * Kept in the database ({@link JpaCaRecords}) so every instance of the counter service answers the same, and a CRL
 * number only grows, across restarts.
 */
public interface CaRecords {

    void add(IssuedCertificateRecord issued);

    Optional<IssuedCertificateRecord> find(String serialHex);

    /** The certificates of this issuing CA that are revoked or on hold now. */
    List<IssuedCertificateRecord> revoked(String issuingCa);

    /** The next CRL number of this issuing CA: one more than any CRL it signed before (RFC 5280 §5.2.3). */
    long nextCrlNumber(String issuingCa);
}
