package hk.post.ecert.devices.token;

import java.util.List;

/**
 * Writes a renewed certificate onto the customer's medium, with the private key generated there and never leaving
 * it. Implementations: a PKCS#11 token (SafeNet, FEITIAN; SoftHSM2 in tests) and an e-Cert File USB medium
 * (PKCS#12). The PIN is used and forgotten: never stored, never logged.
 */
public interface TokenWriter {

    /**
     * Generates an RSA-2048 key pair on the medium under {@code keyId} (sign only, never extractable) and returns a
     * CSR for {@code subjectDn} signed by it. If a key with this id already exists (the same renewal asked again), it
     * is reused: one renewal never makes two keys.
     */
    GeneratedKey generateKey(TokenTarget target, char[] pin, String keyId, String subjectDn) throws TokenException;

    /**
     * Installs the certificate (and its chain) next to the key {@code keyId}, reads it back and verifies that the
     * bytes are those issued and that its public key is the medium's key.
     */
    void install(TokenTarget target, char[] pin, String keyId, byte[] certificateDer, List<byte[]> chainDer)
            throws TokenException;

    /** Removes what the renewal {@code keyId} created on the medium, and nothing else. */
    void discard(TokenTarget target, char[] pin, String keyId) throws TokenException;
}
