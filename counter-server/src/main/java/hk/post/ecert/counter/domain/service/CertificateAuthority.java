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
    default Issued issue(CertificateProfile profile, byte[] csrDer, int validityDays) {
        return issue(profile, csrDer, validityDays, AltNames.NONE);
    }

    /**
     * The subject alternative names a certificate carries: a Server certificate exactly its approved names as DNS
     * names; a personal or organisational certificate the e-mail address the form asks to include.
     */
    record AltNames(List<String> dnsNames, java.util.Optional<String> email) {
        public static final AltNames NONE = new AltNames(List.of(), java.util.Optional.empty());

        public AltNames {
            dnsNames = List.copyOf(dnsNames);
        }

        public static AltNames dns(List<String> names) {
            return new AltNames(names, java.util.Optional.empty());
        }

        public boolean isEmpty() {
            return dnsNames.isEmpty() && email.isEmpty();
        }
    }

    /** As above, with the subject alternative names the certificate carries. */
    Issued issue(CertificateProfile profile, byte[] csrDer, int validityDays, AltNames altNames);

    /** Releases a certificate from hold: it is active again and leaves the next CRL. Other revocations are final. */
    void releaseHold(String serialHex);

    /** A CA's own certificate (DER): {@code root}, {@code 2-17}, {@code 2-15} or {@code server}. */
    byte[] caCertificate(String id);

    /**
     * Answers an OCSP request (RFC 6960, DER) with a response signed by the issuing CA: good, revoked (with its reason
     * and time) or unknown for each certificate asked about.
     */
    byte[] ocsp(byte[] requestDer);

    /** Revokes a certificate this CA issued; it appears on the next CRL of its issuing CA. */
    void revoke(String serialHex, String reason);

    /** The current CRL (DER) of an issuing CA: {@code 2-17}, {@code 2-15} or {@code server}. */
    byte[] crl(String issuingCa);

    /** A certificate this CA issued (DER), by serial number: what it keeps of every issuance. */
    java.util.Optional<byte[]> issued(String serialHex);

    /** The issuing CA's certificate and the root (DER), issuing CA first. */
    List<byte[]> chain(String issuingCa);
}
