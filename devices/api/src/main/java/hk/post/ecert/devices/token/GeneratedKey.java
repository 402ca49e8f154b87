package hk.post.ecert.devices.token;

/**
 * A key pair made on the medium for one renewal, and the PKCS#10 request signed by it.
 *
 * @param keyId  the key's id on the medium (CKA_ID for PKCS#11), derived from the renewal so a repeat finds it
 * @param csrDer the certification request, DER
 */
public record GeneratedKey(String keyId, byte[] csrDer) {
}
