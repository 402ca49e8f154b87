package hk.post.ecert.counter.domain.model.server;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule 7 for e-Cert (Server): after approval the AR supplies a PKCS#10 CSR. It must verify (its signature), carry an
 * adequate key (RSA of at least 2048 bits, or EC on P-256, P-384 or P-521), and name exactly the approved domains: a
 * wildcard only as the whole left-most label and never in a Multi-domain certificate; at most 50 names in
 * Multi-domain. Every problem is reported, in both languages.
 */
public final class CsrRules {

    public static final int MIN_RSA_BITS = 2048;
    public static final int MAX_MULTI_DOMAIN_NAMES = 50;
    static final Map<ASN1ObjectIdentifier, String> ACCEPTED_CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256", SECObjectIdentifiers.secp384r1, "P-384", SECObjectIdentifiers.secp521r1, "P-521");

    /** What a Server certificate may name. */
    public enum Kind {
        PLAIN(false, false), WILDCARD(true, false), MULTI_DOMAIN(false, true), EV(false, false), EV_MULTI_DOMAIN(false, true);

        final boolean wildcard;
        final boolean multi;

        Kind(boolean wildcard, boolean multi) {
            this.wildcard = wildcard;
            this.multi = multi;
        }

        public static Kind ofVariant(String variantCode) {
            return valueOf(variantCode);
        }
    }

    /** The outcome: the names the CSR asks for, and every problem (empty when it is acceptable). */
    public record Verdict(Set<String> names, String keyDescription, List<Bilingual> problems) {
        public boolean acceptable() {
            return problems.isEmpty();
        }
    }

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private CsrRules() {
    }

    /** Reads a CSR pasted as PEM or uploaded as DER. */
    public static PKCS10CertificationRequest parse(byte[] bytes) {
        try {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                try (PemReader r = new PemReader(new StringReader(text))) {
                    PemObject o = r.readPemObject();
                    if (o == null) {
                        throw new IllegalArgumentException("no PEM object");
                    }
                    return new PKCS10CertificationRequest(o.getContent());
                }
            }
            return new PKCS10CertificationRequest(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Signature algorithms whose digest is broken (MD2, MD5, SHA-1), by OID. */
    static final java.util.Map<String, String> WEAK_SIGNATURES = java.util.Map.of(
            "1.2.840.113549.1.1.2", "MD2", "1.2.840.113549.1.1.4", "MD5", "1.2.840.113549.1.1.5", "SHA-1",
            "1.3.14.3.2.29", "SHA-1", "1.2.840.10045.4.1", "SHA-1", "1.2.840.10040.4.3", "SHA-1");

    public static Verdict check(byte[] csrBytes, Kind kind, Set<String> approvedNames) {
        List<Bilingual> problems = new ArrayList<>();
        PKCS10CertificationRequest csr = parse(csrBytes);
        if (csr == null) {
            problems.add(new Bilingual("This is not a certificate signing request (PKCS#10, PEM or DER).",
                    "這不是證書簽署要求（PKCS#10，PEM 或 DER 格式）。"));
            return new Verdict(Set.of(), "", problems);
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(csr.getSubjectPublicKeyInfo()))) {
                problems.add(new Bilingual("The CSR's signature does not verify: it was altered or not signed by its key.",
                        "證書簽署要求的簽署無法核實：內容曾被更改或並非由其密碼匙簽署。"));
            }
        } catch (PKCSException | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
            problems.add(new Bilingual("The CSR's signature cannot be checked: " + e.getMessage(), "無法核實證書簽署要求的簽署。"));
        }
        String digest = WEAK_SIGNATURES.get(csr.getSignatureAlgorithm().getAlgorithm().getId());
        if (digest != null) {
            problems.add(new Bilingual("The CSR is signed with " + digest + ", which is no longer secure: make it again with SHA-256 or stronger.",
                    "證書簽署要求以 " + digest + " 簽署，已不安全：請以 SHA-256 或更強的演算法重新製作。"));
        }
        String key = key(csr.getSubjectPublicKeyInfo(), problems);
        Set<String> names = names(csr);
        if (names.isEmpty()) {
            problems.add(new Bilingual("The CSR names no server (no CN, no DNS names).", "證書簽署要求沒有伺服器名稱。"));
        }
        for (String n : names) {
            if (n.contains("*")) {
                if (kind.multi) {
                    problems.add(new Bilingual("A Multi-domain certificate cannot have a wildcard name (" + n + ").",
                            "「多域版」證書不可有通用名稱（" + n + "）。"));
                } else if (!kind.wildcard) {
                    problems.add(new Bilingual("Only a \"Wildcard\" certificate may name " + n + ".", "只有「通用版」證書可使用 " + n + "。"));
                } else if (!n.startsWith("*.") || n.substring(2).contains("*")) {
                    problems.add(new Bilingual("A wildcard is allowed only as the whole left-most label (" + n + ").",
                            "通用字元只可用作最左方的完整標籤（" + n + "）。"));
                }
            }
        }
        if (kind.multi && names.size() > MAX_MULTI_DOMAIN_NAMES) {
            problems.add(new Bilingual("A Multi-domain certificate names at most " + MAX_MULTI_DOMAIN_NAMES + " servers; the CSR has "
                    + names.size() + ".", "「多域版」證書最多 " + MAX_MULTI_DOMAIN_NAMES + " 個名稱；此要求有 " + names.size() + " 個。"));
        }
        if (!kind.multi && names.size() > 1) {
            problems.add(new Bilingual("This certificate names one server; the CSR has " + names.size() + ".",
                    "此證書只可有一個伺服器名稱；此要求有 " + names.size() + " 個。"));
        }
        Set<String> approved = new LinkedHashSet<>();
        approvedNames.forEach(n -> approved.add(n.trim().toLowerCase(Locale.ROOT)));
        Set<String> extra = new LinkedHashSet<>(names);
        extra.removeAll(approved);
        Set<String> missing = new LinkedHashSet<>(approved);
        missing.removeAll(names);
        if (!extra.isEmpty()) {
            problems.add(new Bilingual("The CSR names servers that were not approved: " + String.join(", ", extra) + ".",
                    "證書簽署要求包含未經批核的名稱：" + String.join("、", extra) + "。"));
        }
        if (!missing.isEmpty()) {
            problems.add(new Bilingual("The CSR leaves out approved servers: " + String.join(", ", missing) + ".",
                    "證書簽署要求缺少已批核的名稱：" + String.join("、", missing) + "。"));
        }
        return new Verdict(names, key, List.copyOf(problems));
    }

    private static String key(SubjectPublicKeyInfo spki, List<Bilingual> problems) {
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        try {
            if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                int bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    problems.add(new Bilingual("The key is RSA " + bits + " bits; at least " + MIN_RSA_BITS + " are required.",
                            "密碼匙為 RSA " + bits + " 位元；最少須 " + MIN_RSA_BITS + " 位元。"));
                }
                return "RSA " + bits;
            }
            if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                ASN1Encodable params = spki.getAlgorithm().getParameters();
                String curve = params instanceof ASN1ObjectIdentifier oid ? ACCEPTED_CURVES.get(oid) : null;
                if (curve == null) {
                    problems.add(new Bilingual("The EC curve is not accepted (P-256, P-384 or P-521 only).", "不接受此橢圓曲線（只接受 P-256、P-384 或 P-521）。"));
                    return "EC";
                }
                return "EC " + curve;
            }
        } catch (IOException e) {
            problems.add(new Bilingual("The public key cannot be read.", "無法讀取公開密碼匙。"));
            return "?";
        }
        problems.add(new Bilingual("The key type is not accepted (RSA ≥ 2048 or EC P-256/P-384/P-521).", "不接受此密碼匙類別。"));
        return alg.getId();
    }

    /** The subject's CN and the requested subjectAltName DNS names, lower-cased. */
    static Set<String> names(PKCS10CertificationRequest csr) {
        Set<String> out = new LinkedHashSet<>();
        for (RDN rdn : csr.getSubject().getRDNs(BCStyle.CN)) {
            out.add(IETFUtils.valueToString(rdn.getFirst().getValue()).trim().toLowerCase(Locale.ROOT));
        }
        for (org.bouncycastle.asn1.pkcs.Attribute a : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (ASN1Encodable v : a.getAttrValues()) {
                Extensions ext = Extensions.getInstance(v);
                GeneralNames san = GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName);
                if (san != null) {
                    for (GeneralName g : san.getNames()) {
                        if (g.getTagNo() == GeneralName.dNSName) {
                            out.add(g.getName().toString().trim().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return out;
    }
}
