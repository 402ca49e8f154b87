package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.service.CertificateRefusedException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded TEST CA's hierarchy, and its refusals, which happen before anything is recorded. */
class EmbeddedCertificateAuthorityTest {

    @TempDir
    Path dir;

    private EmbeddedCertificateAuthority ca;

    /**
     * The test that reads the hierarchy makes its CA in its own empty directory; the others open a copy of one made
     * once in this JVM ({@link CaKeystores}), as a server opens its keystore on a restart (issue 32: each making took
     * about 2 s of the unit tests' CPU, for tests about refusals).
     */
    @BeforeEach
    void open(TestInfo test) throws Exception {
        if (!test.getTestMethod().orElseThrow().getName().equals("theHierarchyMirrorsHkpcasAndEveryNameSaysTest")) {
            CaKeystores.copyInto(dir, "test");
        }
        ca = new EmbeddedCertificateAuthority();
        ca.caDir = Optional.of(dir.toString());
        ca.caPassword = "test";
        ca.crlBaseUrl = "http://localhost/api/crl/";
        ca.records = new InMemoryCaRecords();
        ca.crlNextUpdateHours = 24;
        ca.open();
    }

    private static byte[] csr(KeyPair kp, String alg) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=CHAN Tai Man, C=HK"), kp.getPublic())
                .build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())).getEncoded();
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    @Test
    void theHierarchyMirrorsHkpcasAndEveryNameSaysTest() throws Exception {
        for (String issuing : List.of("2-17", "2-15", "server")) {
            List<byte[]> chain = ca.chain(issuing);
            X509CertificateHolder sub = new X509CertificateHolder(chain.get(0));
            X509CertificateHolder root = new X509CertificateHolder(chain.get(1));
            assertTrue(sub.getSubject().toString().contains("(TEST)"), sub.getSubject().toString());
            assertEquals(root.getSubject(), sub.getIssuer(), "issued by the TEST root");
            assertTrue(root.getSubject().toString().contains("Root CA 3 (TEST)"));
        }
        assertTrue(new X509CertificateHolder(ca.chain("2-17").get(0)).getSubject().toString().contains("e-Cert CA 2 - 17"));
        assertTrue(new X509CertificateHolder(ca.chain("2-15").get(0)).getSubject().toString().contains("e-Cert CA 2 - 15"));
    }

    @Test
    void theKeystoreIsKeptAcrossStarts() throws Exception {
        byte[] root = ca.chain("2-17").get(1);
        EmbeddedCertificateAuthority again = new EmbeddedCertificateAuthority();
        again.caDir = Optional.of(dir.toString());
        again.caPassword = "test";
        again.crlBaseUrl = "http://localhost/api/crl/";
        again.open();
        assertEquals(new X509CertificateHolder(root), new X509CertificateHolder(again.chain("2-17").get(1)));
    }

    @Test
    void aCsrWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
        byte[] good = csr(rsa(2048), "SHA256withRSA");
        good[good.length - 5] ^= 0x5A;   // spoil the signature
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> ca.issue(CertificateProfile.of("PERSONAL", "STANDARD"), good, 365));
        assertTrue(e.getMessage().contains("signature") || e.getMessage().contains("not a valid"), e.getMessage());
    }

    @Test
    void aWeakRsaKeyIsRefused() throws Exception {
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> ca.issue(CertificateProfile.of("PERSONAL", "STANDARD"), csr(rsa(1024), "SHA256withRSA"), 365));
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void anEcKeyOnAnUnacceptedCurveIsRefused() throws Exception {
        // The JDK no longer knows secp256k1; Bouncy Castle does.
        java.security.Provider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
        g.initialize(new ECGenParameterSpec("secp256k1"));
        KeyPair kp = g.generateKeyPair();
        byte[] request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=www.example.hk"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(kp.getPrivate())).getEncoded();
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> ca.issue(CertificateProfile.of("SERVER", "PLAIN"), request, 199));
        assertTrue(e.getMessage().contains("curve"), e.getMessage());
    }

    @Test
    void garbageIsNotARequest() {
        assertThrows(CertificateRefusedException.class,
                () -> ca.issue(CertificateProfile.of("PERSONAL", "STANDARD"), new byte[]{1, 2, 3}, 365));
    }

    @Test
    void profilesFollowTheHierarchy() {
        assertEquals("2-17", CertificateProfile.of("PERSONAL", "STANDARD").issuingCa());
        assertEquals("2-15", CertificateProfile.of("PERSONAL", "MR_FEITIAN").issuingCa());
        assertEquals(List.of(CertificateProfile.MUTUAL_RECOGNITION_POLICY), CertificateProfile.of("ORGANISATIONAL", "MR_SAFENET").policies());
        assertEquals("2-15", CertificateProfile.of("BANK_CERT_BANK", "NEW_ONLY").issuingCa());
        assertEquals("server", CertificateProfile.of("SERVER", "WILDCARD").issuingCa());
        assertEquals(199, CertificateProfile.of("SERVER", "EV").maxDays());
    }
}
