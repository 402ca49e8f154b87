package hk.post.ecert.devices.token;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One contract for writing a renewed certificate onto a customer's medium, run against a PKCS#11 token (SoftHSM2)
 * and the e-Cert File USB medium (PKCS#12).
 */
public abstract class TokenWriterContract {

    protected static final char[] PIN = "1234".toCharArray();
    protected static final String SUBJECT = "CN=CHAN Tai Man, O=e-Cert Counter TEST, C=HK";

    protected TestCa ca;
    protected TokenWriter writer;
    protected TokenTarget target;

    /** A fresh, empty medium for one test, and the writer for it. */
    protected abstract void freshMedium() throws Exception;

    /** The independent check: another tool looks at the medium and confirms key and certificate. */
    protected abstract void verifyIndependently(String keyId, byte[] certificate) throws Exception;

    /** How many keys the medium holds (to prove no second key is ever made). */
    protected abstract int keysOnMedium() throws Exception;

    @BeforeEach
    void medium() throws Exception {
        ca = new TestCa();
        freshMedium();
    }

    protected static String keyId(String renewal) {
        return HexFormat.of().formatHex(renewal.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aRenewalLeavesAVerifiedKeyAndCertificateOnTheMedium() throws Exception {
        String keyId = keyId("RN-0001");
        GeneratedKey key = writer.generateKey(target, PIN, keyId, SUBJECT);
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(key.csrDer());
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo())),
                "the CSR is signed by the new key");
        assertEquals(new X500Name(SUBJECT), csr.getSubject());
        assertEquals(2048, ((RSAPublicKey) new JcaPKCS10CertificationRequest(csr).getPublicKey()).getModulus().bitLength());

        byte[] cert = ca.issue(key.csrDer());
        writer.install(target, PIN, keyId, cert, List.of(ca.certificate));
        verifyIndependently(keyId, cert);
    }

    @Test
    void theSameRenewalAskedTwiceNeverMakesTwoKeys() throws Exception {
        String keyId = keyId("RN-0002");
        GeneratedKey first = writer.generateKey(target, PIN, keyId, SUBJECT);
        GeneratedKey again = writer.generateKey(target, PIN, keyId, SUBJECT);
        assertArrayEquals(new PKCS10CertificationRequest(first.csrDer()).getSubjectPublicKeyInfo().getEncoded(),
                new PKCS10CertificationRequest(again.csrDer()).getSubjectPublicKeyInfo().getEncoded());
        assertEquals(1, keysOnMedium());
        byte[] cert = ca.issue(again.csrDer());
        writer.install(target, PIN, keyId, cert, List.of(ca.certificate));
        writer.install(target, PIN, keyId, cert, List.of(ca.certificate));
        verifyIndependently(keyId, cert);
    }

    @Test
    void aWrongPinIsRefusedChangesNothingAndTheRightOneThenWorks() throws Exception {
        String keyId = keyId("RN-0003");
        byte[] cert = ca.issue(writer.generateKey(target, PIN, keyId, SUBJECT).csrDer());
        TokenException e = assertThrows(TokenException.class,
                () -> writer.install(target, "9999".toCharArray(), keyId, cert, List.of(ca.certificate)));
        assertEquals(TokenFault.PIN_INCORRECT, e.fault());
        assertTrue(!e.getMessage().contains("9999") && !e.getMessage().contains("1234"), "a PIN is never in a message");
        assertEquals(1, keysOnMedium());
        writer.install(target, PIN, keyId, cert, List.of(ca.certificate));
        verifyIndependently(keyId, cert);
    }

    @Test
    void aCertificateForAnotherKeyIsRefusedAndNotInstalled() throws Exception {
        String mine = keyId("RN-0004");
        writer.generateKey(target, PIN, mine, SUBJECT);
        GeneratedKey other = writer.generateKey(target, PIN, keyId("RN-0005"), SUBJECT);
        TokenException e = assertThrows(TokenException.class,
                () -> writer.install(target, PIN, mine, ca.issue(other.csrDer()), List.of(ca.certificate)));
        assertEquals(TokenFault.CERTIFICATE_MISMATCH, e.fault());
    }

    @Test
    void discardRemovesOnlyWhatThatRenewalCreated() throws Exception {
        String keep = keyId("RN-0006");
        String drop = keyId("RN-0007");
        GeneratedKey kept = writer.generateKey(target, PIN, keep, SUBJECT);
        writer.generateKey(target, PIN, drop, SUBJECT);
        writer.discard(target, PIN, drop);
        assertEquals(1, keysOnMedium());
        byte[] cert = ca.issue(kept.csrDer());
        writer.install(target, PIN, keep, cert, List.of(ca.certificate));
        verifyIndependently(keep, cert);
        GeneratedKey fresh = writer.generateKey(target, PIN, drop, SUBJECT);
        assertNotEquals(new PKCS10CertificationRequest(kept.csrDer()).getSubjectPublicKeyInfo(),
                new PKCS10CertificationRequest(fresh.csrDer()).getSubjectPublicKeyInfo());
    }
}
