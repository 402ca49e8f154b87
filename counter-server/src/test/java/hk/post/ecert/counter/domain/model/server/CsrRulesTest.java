package hk.post.ecert.counter.domain.model.server;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule 7: a corpus of CSRs, good and bad, each with the reason it is refused. */
class CsrRulesTest {

    static KeyPair rsa2048;
    static KeyPair rsa1024;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa2048 = g.generateKeyPair();
        g.initialize(1024);
        rsa1024 = g.generateKeyPair();
    }

    static byte[] csr(KeyPair key, String cn, List<String> sans) throws Exception {
        return csr(key, cn, sans, key.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
    }

    static byte[] csr(KeyPair key, String cn, List<String> sans, String alg) throws Exception {
        JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn + ",O=DEMO,C=HK"), key.getPublic());
        if (!sans.isEmpty()) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(sans.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        }
        return b.build(new JcaContentSignerBuilder(alg).build(key.getPrivate())).getEncoded();
    }

    static String problems(CsrRules.Verdict v) {
        return v.problems().stream().map(p -> p.en()).toList().toString();
    }

    @Test
    void aGoodPlainCsrIsAcceptable() throws Exception {
        CsrRules.Verdict v = CsrRules.check(csr(rsa2048, "www.example.hk", List.of("www.example.hk")), CsrRules.Kind.PLAIN,
                Set.of("www.example.hk"));
        assertTrue(v.acceptable(), problems(v));
        assertEquals("RSA 2048", v.keyDescription());
    }

    @Test
    void anEcP256WildcardIsAcceptable() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        CsrRules.Verdict v = CsrRules.check(csr(g.generateKeyPair(), "*.example.hk", List.of()), CsrRules.Kind.WILDCARD,
                Set.of("*.example.hk"));
        assertTrue(v.acceptable(), problems(v));
        assertEquals("EC P-256", v.keyDescription());
    }

    @Test
    void aTamperedSignatureIsRefused() throws Exception {
        byte[] der = csr(rsa2048, "www.example.hk", List.of());
        der[der.length - 5] ^= 0x55;   // inside the signature
        CsrRules.Verdict v = CsrRules.check(der, CsrRules.Kind.PLAIN, Set.of("www.example.hk"));
        assertTrue(problems(v).contains("signature does not verify"), problems(v));
    }

    @Test
    void rsa1024IsRefused() throws Exception {
        CsrRules.Verdict v = CsrRules.check(csr(rsa1024, "www.example.hk", List.of()), CsrRules.Kind.PLAIN, Set.of("www.example.hk"));
        assertTrue(problems(v).contains("RSA 1024 bits; at least 2048"), problems(v));
    }

    @Test
    void wrongNamesAreNamed() throws Exception {
        CsrRules.Verdict v = CsrRules.check(csr(rsa2048, "www.example.hk", List.of("www.example.hk", "mail.example.hk")),
                CsrRules.Kind.MULTI_DOMAIN, Set.of("www.example.hk", "shop.example.hk"));
        assertTrue(problems(v).contains("not approved: mail.example.hk"), problems(v));
        assertTrue(problems(v).contains("leaves out approved servers: shop.example.hk"), problems(v));
    }

    @Test
    void aWildcardInTheMiddleOrInMultiDomainIsRefused() throws Exception {
        CsrRules.Verdict middle = CsrRules.check(csr(rsa2048, "www.*.example.hk", List.of()), CsrRules.Kind.WILDCARD,
                Set.of("www.*.example.hk"));
        assertTrue(problems(middle).contains("only as the whole left-most label"), problems(middle));
        CsrRules.Verdict partial = CsrRules.check(csr(rsa2048, "w*.example.hk", List.of()), CsrRules.Kind.WILDCARD,
                Set.of("w*.example.hk"));
        assertTrue(problems(partial).contains("only as the whole left-most label"), problems(partial));
        CsrRules.Verdict multi = CsrRules.check(csr(rsa2048, "www.example.hk", List.of("www.example.hk", "*.example.hk")),
                CsrRules.Kind.MULTI_DOMAIN, Set.of("www.example.hk", "*.example.hk"));
        assertTrue(problems(multi).contains("Multi-domain certificate cannot have a wildcard"), problems(multi));
        CsrRules.Verdict plain = CsrRules.check(csr(rsa2048, "*.example.hk", List.of()), CsrRules.Kind.PLAIN, Set.of("*.example.hk"));
        assertTrue(problems(plain).contains("Only a \"Wildcard\" certificate"), problems(plain));
    }

    @Test
    void fiftyOneNamesAreTooMany() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            names.add("s" + i + ".example.hk");
        }
        CsrRules.Verdict v = CsrRules.check(csr(rsa2048, names.get(0), names), CsrRules.Kind.MULTI_DOMAIN, new LinkedHashSet<>(names));
        assertTrue(problems(v).contains("at most 50 servers; the CSR has 51"), problems(v));
        CsrRules.Verdict fifty = CsrRules.check(csr(rsa2048, names.get(0), names.subList(0, 50)), CsrRules.Kind.MULTI_DOMAIN,
                new LinkedHashSet<>(names.subList(0, 50)));
        assertTrue(fifty.acceptable(), problems(fifty));
    }

    @Test
    void garbageIsNotACsr() {
        CsrRules.Verdict v = CsrRules.check("hello".getBytes(), CsrRules.Kind.PLAIN, Set.of("www.example.hk"));
        assertFalse(v.acceptable());
        assertTrue(problems(v).contains("not a certificate signing request"), problems(v));
    }

    @Test
    void aCsrMadeByOpensslReqIsRead() throws Exception {
        Path dir = Files.createTempDirectory("openssl-");
        Path out = dir.resolve("req.pem");
        Process p = new ProcessBuilder("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout",
                dir.resolve("key.pem").toString(), "-subj", "/C=HK/O=DEMO/CN=www.example.hk",
                "-addext", "subjectAltName=DNS:www.example.hk", "-out", out.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "openssl req");
        CsrRules.Verdict v = CsrRules.check(Files.readAllBytes(out), CsrRules.Kind.PLAIN, Set.of("www.example.hk"));
        assertTrue(v.acceptable(), problems(v));
    }

    @Test
    void rule7ACsrSignedWithAWeakDigestIsRefusedWithItsReason() throws Exception {
        for (String[] weak : new String[][] {{"SHA1withRSA", "SHA-1"}, {"MD5withRSA", "MD5"}}) {
            CsrRules.Verdict v = CsrRules.check(csr(rsa2048, "www.demo-trading.hk", List.of("www.demo-trading.hk"), weak[0]),
                    CsrRules.Kind.PLAIN, java.util.Set.of("www.demo-trading.hk"));
            assertFalse(v.acceptable(), weak[0]);
            assertTrue(problems(v).contains("signed with " + weak[1] + ", which is no longer secure"), problems(v));
        }
        assertTrue(CsrRules.check(csr(rsa2048, "www.demo-trading.hk", List.of("www.demo-trading.hk"), "SHA384withRSA"),
                CsrRules.Kind.PLAIN, java.util.Set.of("www.demo-trading.hk")).acceptable());
    }
}
