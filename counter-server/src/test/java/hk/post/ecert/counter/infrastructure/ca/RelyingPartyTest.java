package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 20: what the embedded TEST CA issues is checked as real relying parties check it — {@code openssl verify
 * -x509_strict -crl_check}, Java's PKIX validator with revocation, {@code openssl ocsp}, and a TLS handshake that
 * Python's default {@code ssl} context (with strict X.509 checks) accepts.
 */
class RelyingPartyTest {

    @TempDir
    Path dir;

    private EmbeddedCertificateAuthority ca;

    @BeforeAll
    static void tools() {
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is required under bin/test");
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed (bin/test installs it)");
    }

    @BeforeEach
    void open() throws Exception {
        CaKeystores.copyInto(dir.resolve("ca"), "test");   // the CA's keys made once for the class's tests
        ca = new EmbeddedCertificateAuthority();
        ca.caDir = Optional.of(dir.resolve("ca").toString());
        ca.caPassword = "test";
        ca.crlBaseUrl = "http://localhost:8080/api/crl/";
        ca.crlNextUpdateHours = 24;
        ca.records = new InMemoryCaRecords();
        ca.open();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static byte[] csr(KeyPair kp, String subject) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())).getEncoded();
    }

    private Path pem(String name, String type, byte[] der) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return p;
    }

    record Run(int exit, String out) {
    }

    private static Run run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        return new Run(p.exitValue(), out);
    }

    /** {@code openssl verify -x509_strict -crl_check} of a leaf against the root, its issuing CA and that CA's current CRL. */
    private Run strictVerify(String issuing, byte[] leaf) throws Exception {
        Path root = pem("root.pem", "CERTIFICATE", ca.caCertificate("root"));
        Path sub = pem(issuing + ".pem", "CERTIFICATE", ca.caCertificate(issuing));
        Path crl = pem(issuing + ".crl.pem", "X509 CRL", ca.crl(issuing));
        Path cert = pem("leaf.pem", "CERTIFICATE", leaf);
        return run("openssl", "verify", "-x509_strict", "-crl_check", "-CAfile", root.toString(), "-untrusted", sub.toString(),
                "-CRLfile", crl.toString(), cert.toString());
    }

    private CertificateAuthority.Issued issue(String type, String variant) throws Exception {
        CertificateProfile profile = CertificateProfile.of(type, variant);
        return "SERVER".equals(type)
                ? ca.issue(profile, csr(rsa(), "C=HK, O=DEMO TRADING LIMITED, CN=www.demo-trading.hk"), 199,
                CertificateAuthority.AltNames.dns(List.of("www.demo-trading.hk", "shop.demo-trading.hk")))
                : ca.issue(profile, csr(rsa(), "C=HK, O=e-Cert Counter (TEST), CN=CHAN TAI MAN"), 365,
                new CertificateAuthority.AltNames(List.of(), Optional.of("chan@example.hk")));
    }

    // ------------------------------------------------------------------------------------------------ profiles

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"PERSONAL, STANDARD", "PERSONAL, MR_SAFENET", "ORGANISATIONAL, PLAIN", "ORGANISATIONAL, MR_FEITIAN",
            "ORGANISATIONAL, AEOI", "ENCIPHERMENT, STANDARD", "SERVER, PLAIN", "SERVER, MULTI_DOMAIN", "BANK_CERT_BANK, NEW_ONLY"})
    void everyTypeVerifiesStrictlyWithItsCrl(String type, String variant) throws Exception {
        CertificateAuthority.Issued issued = issue(type, variant);
        Run v = strictVerify(issued.issuingCa(), issued.certificateDer());
        assertEquals(0, v.exit(), v.out());
        assertTrue(v.out().contains("leaf.pem: OK"), v.out());

        X509CertificateHolder c = new X509CertificateHolder(issued.certificateDer());
        for (var oid : List.of(Extension.authorityKeyIdentifier, Extension.subjectKeyIdentifier, Extension.keyUsage,
                Extension.extendedKeyUsage, Extension.certificatePolicies, Extension.cRLDistributionPoints, Extension.authorityInfoAccess)) {
            assertNotNull(c.getExtension(oid), type + " carries " + oid);
        }
        String aia = java.util.Arrays.stream(org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(
                        c.getExtension(Extension.authorityInfoAccess).getParsedValue()).getAccessDescriptions())
                .map(d -> d.getAccessLocation().getName().toString()).toList().toString();
        assertTrue(aia.contains("http://localhost:8080/api/ca/" + issued.issuingCa() + ".crt") && aia.contains("http://localhost:8080/api/ocsp"), aia);
        GeneralNames san = GeneralNames.fromExtensions(c.getExtensions(), Extension.subjectAlternativeName);
        if ("SERVER".equals(type)) {
            assertEquals(List.of("www.demo-trading.hk", "shop.demo-trading.hk"), names(san, GeneralName.dNSName), "exactly the approved names");
            Run text = run("openssl", "x509", "-in", dir.resolve("leaf.pem").toString(), "-noout", "-ext", "extendedKeyUsage", "-dates");
            assertTrue(text.out().contains("TLS Web Server Authentication"), text.out());
            long days = (c.getNotAfter().getTime() - c.getNotBefore().getTime()) / 86_400_000L;
            assertTrue(days <= 199, "at most 199 days: " + days);
        } else {
            assertEquals(List.of("chan@example.hk"), names(san, GeneralName.rfc822Name), "the e-mail the form asks to include");
        }
    }

    private static List<String> names(GeneralNames san, int tag) {
        List<String> out = new ArrayList<>();
        if (san != null) {
            for (GeneralName n : san.getNames()) {
                if (n.getTagNo() == tag) {
                    out.add(n.getName().toString());
                }
            }
        }
        return out;
    }

    @Test
    void theIssuingCasVerifyStrictlyUnderTheRoot() throws Exception {
        Path root = pem("root.pem", "CERTIFICATE", ca.caCertificate("root"));
        for (String issuing : List.of("2-17", "2-15", "server")) {
            Path sub = pem(issuing + ".pem", "CERTIFICATE", ca.caCertificate(issuing));
            Run v = run("openssl", "verify", "-x509_strict", "-CAfile", root.toString(), sub.toString());
            assertEquals(0, v.exit(), v.out());
            assertNotNull(new X509CertificateHolder(ca.caCertificate(issuing)).getExtension(Extension.authorityKeyIdentifier), issuing);
        }
    }

    @Test
    void aServerCertificateWithoutItsNamesIsNotIssued() throws Exception {
        assertThrows(hk.post.ecert.counter.domain.service.CertificateRefusedException.class,
                () -> ca.issue(CertificateProfile.of("SERVER", "PLAIN"), csr(rsa(), "CN=www.demo-trading.hk"), 199));
    }

    // ------------------------------------------------------------------------------------------------ CRLs

    @Test
    void eachCrlCarriesAGrowingNumberItsIssuersKeyAndItsNextUpdate() throws Exception {
        X509CRLHolder first = new X509CRLHolder(ca.crl("2-17"));
        X509CRLHolder second = new X509CRLHolder(ca.crl("2-17"));
        assertEquals(BigInteger.ONE, CRLNumber.getInstance(first.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber());
        assertEquals(BigInteger.TWO, CRLNumber.getInstance(second.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber());
        assertNotNull(first.getExtension(Extension.authorityKeyIdentifier));
        assertEquals(24 * 3600_000L, first.getNextUpdate().getTime() - first.getThisUpdate().getTime());
        assertTrue(first.isSignatureValid(new JcaContentVerifierProviderBuilder().build(
                new X509CertificateHolder(ca.caCertificate("2-17")))));
        Path crl = pem("2-17.crl.pem", "X509 CRL", second.getEncoded());
        Run text = run("openssl", "crl", "-in", crl.toString(), "-noout", "-text");
        assertTrue(text.out().contains("X509v3 CRL Number") && text.out().contains("X509v3 Authority Key Identifier"), text.out());
    }

    @Test
    void aRevokedOrHeldCertificateIsRefusedAndAReleasedOneAcceptedByOpensslAndJavaPkix() throws Exception {
        CertificateAuthority.Issued revoked = issue("PERSONAL", "STANDARD");
        CertificateAuthority.Issued held = issue("PERSONAL", "STANDARD");
        ca.revoke(revoked.serialHex(), "KEY_COMPROMISE");
        ca.revoke(held.serialHex(), "CERTIFICATE_HOLD");

        Run r = strictVerify("2-17", revoked.certificateDer());
        assertTrue(r.exit() != 0 && r.out().contains("certificate revoked"), r.out());
        Run h = strictVerify("2-17", held.certificateDer());
        assertTrue(h.exit() != 0 && h.out().contains("certificate revoked"), h.out());
        Run crlText = run("openssl", "crl", "-in", dir.resolve("2-17.crl.pem").toString(), "-noout", "-text");
        assertTrue(crlText.out().contains("Key Compromise") && crlText.out().contains("Certificate Hold"), "reason codes: " + crlText.out());
        assertPkix(false, revoked.certificateDer());
        assertPkix(false, held.certificateDer());

        ca.releaseHold(held.serialHex());
        Run released = strictVerify("2-17", held.certificateDer());
        assertEquals(0, released.exit(), "released from hold, it leaves the next CRL: " + released.out());
        assertPkix(true, held.certificateDer());
        assertThrows(IllegalStateException.class, () -> ca.releaseHold(revoked.serialHex()), "a revocation is final");
    }

    private void assertPkix(boolean accepted, byte[] leafDer) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate root = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(ca.caCertificate("root")));
        X509Certificate sub = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(ca.caCertificate("2-17")));
        X509Certificate leaf = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(leafDer));
        X509CRL crl = (X509CRL) cf.generateCRL(new ByteArrayInputStream(ca.crl("2-17")));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(sub, crl))));
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        params.addCertPathChecker(checker);
        var path = cf.generateCertPath(List.of(leaf, sub));
        if (accepted) {
            validator.validate(path, params);
        } else {
            CertPathValidatorException e = assertThrows(CertPathValidatorException.class, () -> validator.validate(path, params));
            assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason(), e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ OCSP

    private OCSPResp askOcsp(String issuing, BigInteger serial) throws Exception {
        return askOcsp(issuing, serial, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
    }

    private OCSPResp askOcsp(String issuing, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(ca.caCertificate(issuing)), serial);
        OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
        b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new org.bouncycastle.asn1.DEROctetString(nonce))));
        return new OCSPResp(ca.ocsp(b.build().getEncoded()));
    }

    @Test
    void theOcspResponderSaysGoodRevokedWithItsReasonOrUnknownSignedByTheIssuingCa() throws Exception {
        CertificateAuthority.Issued good = issue("ORGANISATIONAL", "PLAIN");
        CertificateAuthority.Issued revoked = issue("ORGANISATIONAL", "PLAIN");
        ca.revoke(revoked.serialHex(), "KEY_COMPROMISE");

        BasicOCSPResp g = (BasicOCSPResp) askOcsp("2-17", new BigInteger(good.serialHex(), 16)).getResponseObject();
        assertTrue(g.isSignatureValid(new JcaContentVerifierProviderBuilder().build(new X509CertificateHolder(ca.caCertificate("2-17")))));
        assertNull(g.getResponses()[0].getCertStatus(), "good");
        assertNotNull(g.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce), "the nonce is echoed");
        BasicOCSPResp r = (BasicOCSPResp) askOcsp("2-17", new BigInteger(revoked.serialHex(), 16)).getResponseObject();
        RevokedStatus rs = assertInstanceOf(RevokedStatus.class, r.getResponses()[0].getCertStatus());
        assertEquals(org.bouncycastle.asn1.x509.CRLReason.keyCompromise, rs.getRevocationReason());
        BasicOCSPResp u = (BasicOCSPResp) askOcsp("2-17", BigInteger.valueOf(12345)).getResponseObject();
        assertInstanceOf(UnknownStatus.class, u.getResponses()[0].getCertStatus());
        BasicOCSPResp other = (BasicOCSPResp) askOcsp("2-15", new BigInteger(good.serialHex(), 16)).getResponseObject();
        assertInstanceOf(UnknownStatus.class, other.getResponses()[0].getCertStatus(), "not issued by 2-15");
        assertEquals(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(ca.ocsp(new byte[]{1, 2, 3})).getStatus());
        // RFC 8954 (issue 31, finding 6): a nonce of 1 to 32 octets is echoed; an empty or longer one is malformed, never echoed
        BasicOCSPResp longest = (BasicOCSPResp) askOcsp("2-17", new BigInteger(good.serialHex(), 16), new byte[32]).getResponseObject();
        assertNotNull(longest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
        assertEquals(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST,
                askOcsp("2-17", new BigInteger(good.serialHex(), 16), new byte[33]).getStatus(), "33 octets");
        assertEquals(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST,
                askOcsp("2-17", new BigInteger(good.serialHex(), 16), new byte[4096]).getStatus(), "4096 octets");
        assertEquals(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST,
                askOcsp("2-17", new BigInteger(good.serialHex(), 16), new byte[0]).getStatus(), "no octets");
    }

    @Test
    void opensslOcspReadsTheResponsesAsARelyingPartyWould() throws Exception {
        CertificateAuthority.Issued good = issue("PERSONAL", "STANDARD");
        CertificateAuthority.Issued revoked = issue("PERSONAL", "STANDARD");
        ca.revoke(revoked.serialHex(), "CESSATION_OF_OPERATION");
        Path root = pem("root.pem", "CERTIFICATE", ca.caCertificate("root"));
        Path sub = pem("2-17.pem", "CERTIFICATE", ca.caCertificate("2-17"));
        for (CertificateAuthority.Issued i : List.of(good, revoked)) {
            Path leaf = pem(i.serialHex() + ".pem", "CERTIFICATE", i.certificateDer());
            Path req = dir.resolve(i.serialHex() + ".req");
            Path resp = dir.resolve(i.serialHex() + ".resp");
            Run made = run("openssl", "ocsp", "-issuer", sub.toString(), "-cert", leaf.toString(), "-reqout", req.toString());
            assertEquals(0, made.exit(), made.out());
            Files.write(resp, ca.ocsp(Files.readAllBytes(req)));
            // -cert rebuilds a request (with a fresh nonce) to match the answer against: the nonce itself is checked above
            Run read = run("openssl", "ocsp", "-respin", resp.toString(), "-no_nonce", "-issuer", sub.toString(),
                    "-cert", leaf.toString(), "-CAfile", root.toString());
            assertTrue(read.out().contains("Response verify OK"), read.out());
            assertTrue(read.out().contains(leaf + ": " + (i == good ? "good" : "revoked")), read.out());
            if (i == revoked) {
                assertTrue(read.out().contains("Reason: cessationOfOperation"), read.out());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ TLS

    @Test
    void aServerCertificateFromAnOpensslCsrServesATlsHandshakeThatPythonsStrictDefaultContextAccepts() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 not installed (bin/test installs it)");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Run req = run("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-subj",
                "/C=HK/O=DEMO TRADING LIMITED/CN=localhost", "-outform", "DER", "-out", csr.toString());
        assertEquals(0, req.exit(), req.out());
        CertificateAuthority.Issued issued = ca.issue(CertificateProfile.of("SERVER", "PLAIN"), Files.readAllBytes(csr), 199,
                CertificateAuthority.AltNames.dns(List.of("localhost")));
        Path cert = pem("server.pem", "CERTIFICATE", issued.certificateDer());
        Path chain = pem("server-ca.pem", "CERTIFICATE", ca.caCertificate("server"));
        Path root = pem("root.pem", "CERTIFICATE", ca.caCertificate("root"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", cert.toString(),
                "-key", key.toString(), "-cert_chain", chain.toString(), "-naccept", "1", "-www", "-quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("s_server.log").toFile()).start();
        try {
            String script = "import socket, ssl, sys, time\n"
                    + "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
                    + "ctx.verify_flags |= ssl.VERIFY_X509_STRICT\n"
                    + "deadline = time.time() + 20\n"
                    + "while True:\n"
                    + "    try:\n"
                    + "        s = socket.create_connection(('127.0.0.1', int(sys.argv[2])), timeout=5)\n"
                    + "        break\n"
                    + "    except OSError:\n"
                    + "        if time.time() > deadline: raise\n"
                    + "        time.sleep(0.1)\n"
                    + "with ctx.wrap_socket(s, server_hostname='localhost') as t:\n"
                    + "    print('handshake', t.version(), t.getpeercert()['subjectAltName'])\n";
            Run py = run("/usr/bin/python3", "-c", script, root.toString(), String.valueOf(port));
            assertEquals(0, py.exit(), py.out() + "\n" + Files.readString(dir.resolve("s_server.log")));
            assertTrue(py.out().contains("handshake TLS") && py.out().contains("'DNS', 'localhost'"), py.out());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
