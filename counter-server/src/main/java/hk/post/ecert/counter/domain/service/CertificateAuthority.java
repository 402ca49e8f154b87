package hk.post.ecert.counter.domain.service;

import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;

import java.util.List;

/**
 * The certificate authority behind the counter: issues a certificate for a verified CSR under a profile, revokes,
 * and publishes CRLs. The embedded TEST CA implements it by default; a real CA (EST or CMP) would in production.
 */
public interface CertificateAuthority {

    /** A certificate as issued, with its chain up to (and including) the root. */
    record Issued(String serialHex, String issuingCa, byte[] certificateDer, List<byte[]> chainDer) {
    }

    /**
     * @param validityDays the certificate's life (capped by the profile and the issuing CA)
     * @throws CertificateRefusedException when the CSR does not verify, names nothing, or carries a weak key
     */
    Issued issue(CertificateProfile profile, byte[] csrDer, int validityDays);

    /** Revokes a certificate this CA issued; it appears on the next CRL of its issuing CA. */
    void revoke(String serialHex, String reason);

    /** The current CRL (DER) of an issuing CA: {@code 2-17}, {@code 2-15} or {@code server}. */
    byte[] crl(String issuingCa);

    /** The issuing CA's certificate and the root (DER), issuing CA first. */
    List<byte[]> chain(String issuingCa);
}
