package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.infrastructure.keys.KeyFiles;
import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.issuance.IssuedCertificateRecord;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.service.CertificateRefusedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The embedded certificate authority (Bouncy Castle) with a TEST hierarchy mirroring HKPCA's: a root, an issuing CA
 * like "e-Cert CA 2-17" (Personal, Organisational, Encipherment), one like "2-15" (Mutual Recognition, Bank-Cert,
 * Organisational Role) and a Server CA. Every name says TEST. The CA keys live in a PKCS#12 keystore created at
 * first start under {@code counter.ca.dir}.
 */
@ApplicationScoped
public class EmbeddedCertificateAuthority implements CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(EmbeddedCertificateAuthority.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ROOT = "root";
    private static final Map<String, String> NAMES = Map.of(
            ROOT, "CN=Hongkong Post Root CA 3 (TEST),O=Hongkong Post (TEST),C=HK",
            "2-17", "CN=Hongkong Post e-Cert CA 2 - 17 (TEST),O=Hongkong Post (TEST),C=HK",
            "2-15", "CN=Hongkong Post e-Cert CA 2 - 15 (TEST),O=Hongkong Post (TEST),C=HK",
            "server", "CN=Hongkong Post e-Cert Server CA 3 (TEST),O=Hongkong Post (TEST),C=HK");

    /** Where the CA keystore lives; required (never a temporary folder). */
    @Inject
    @ConfigProperty(name = "counter.ca.dir")
    java.util.Optional<String> caDir;

    /** The keystore's password unless {@code counter.ca.password} gives one. */
    static final String DEFAULT_PASSWORD = "TEST-embedded-ca";

    @Inject
    @ConfigProperty(name = "counter.ca.password", defaultValue = DEFAULT_PASSWORD)
    String caPassword;

    @Inject
    @ConfigProperty(name = "counter.ca.crl-base-url", defaultValue = "http://localhost:8080/api/crl/")
    String crlBaseUrl;

    /** How long a CRL is current: its nextUpdate, in hours. */
    @Inject
    @ConfigProperty(name = "counter.ca.crl-next-update-hours", defaultValue = "24")
    int crlNextUpdateHours;

    @Inject
    CaRecords records;

    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();
    private final Map<String, X509Certificate> certs = new LinkedHashMap<>();

    @PostConstruct
    void open() {
        Path dir = KeyFiles.directory(caDir, "counter.ca.dir");
        Path store = dir.resolve("embedded-ca.p12");
        try {
            boolean existed = Files.exists(store);
            byte[] bytes = KeyFiles.createOnce(store, () -> {
                try {
                    KeyStore fresh = KeyStore.getInstance("PKCS12");
                    fresh.load(null, null);
                    create(fresh);
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    fresh.store(out, caPassword.toCharArray());
                    return out.toByteArray();
                } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
                    throw new IllegalStateException("cannot create the embedded CA", e);
                }
            });
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(bytes), caPassword.toCharArray());
            if (!existed) {
                LOG.info(() -> "embedded TEST CA hierarchy in " + store);
            }
            for (String alias : NAMES.keySet()) {
                keys.put(alias, (PrivateKey) ks.getKey(alias, caPassword.toCharArray()));
                certs.put(alias, (X509Certificate) ks.getCertificate(alias));
            }
            recertifyWithoutAuthorityKeyIdentifier();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the embedded CA", e);
        }
    }

    /**
     * A keystore made before the CA certificates carried an Authority Key Identifier (RFC 5280 4.2.1.1) has issuing-CA
     * certificates that strict validators refuse. Their keys are kept: each is certified again by the root, with the same
     * name and key, so every certificate it issued verifies under the new one. The keystore file itself is never
     * rewritten (it is made once); the new certificates live in memory and are what {@code /api/ca} publishes.
     */
    private void recertifyWithoutAuthorityKeyIdentifier() throws GeneralSecurityException {
        for (String alias : List.of("2-17", "2-15", "server")) {
            X509Certificate c = certs.get(alias);
            if (c.getExtensionValue(Extension.authorityKeyIdentifier.getId()) == null) {
                try {
                    certs.put(alias, caCertificate(NAMES.get(alias), new KeyPair(c.getPublicKey(), keys.get(alias)), NAMES.get(ROOT),
                            keys.get(ROOT), certs.get(ROOT).getPublicKey(), 10, 0));
                } catch (OperatorCreationException | IOException e) {
                    throw new GeneralSecurityException("cannot certify " + alias + " again", e);
                }
                LOG.info(() -> "issuing CA " + alias + " certified again with its Authority Key Identifier (its keystore predates it)");
            }
        }
    }

    private void create(KeyStore ks) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair root = rsa(3072);
        X509Certificate rootCert = caCertificate(NAMES.get(ROOT), root, NAMES.get(ROOT), root.getPrivate(), null, 20, 1);
        ks.setKeyEntry(ROOT, root.getPrivate(), caPassword.toCharArray(), new Certificate[]{rootCert});
        for (String ca : List.of("2-17", "2-15", "server")) {
            KeyPair kp = rsa(2048);
            X509Certificate cert = caCertificate(NAMES.get(ca), kp, NAMES.get(ROOT), root.getPrivate(), root.getPublic(), 10, 0);
            ks.setKeyEntry(ca, kp.getPrivate(), caPassword.toCharArray(), new Certificate[]{cert, rootCert});
        }
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate caCertificate(String subject, KeyPair kp, String issuer, PrivateKey issuerKey,
                                                 java.security.PublicKey issuerPublic, int years, int pathLen)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(years * 365L, ChronoUnit.DAYS)), new X500Name(subject), kp.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(kp.getPublic()));
        if (issuerPublic != null) {
            // RFC 5280 4.2.1.1: every certificate but a self-signed root names its issuer's key
            b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuerPublic));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }

    /** At least 64 bits of randomness, positive: 127 random bits. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    @Override
    @Transactional
    public Issued issue(CertificateProfile profile, byte[] csrDer, int validityDays, AltNames altNames) {
        PKCS10CertificationRequest csr;
        try {
            csr = new PKCS10CertificationRequest(csrDer);
            // The key first: an unaccepted curve or short key is named as such, not as a signature failure.
            checkKey(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(csr.getSubjectPublicKeyInfo()))) {
                throw new CertificateRefusedException("the CSR's signature does not verify");
            }
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException
                 | IllegalArgumentException | ClassCastException e) {
            throw new CertificateRefusedException("not a valid PKCS#10 request: " + e.getMessage());
        }
        if (csr.getSubject().getRDNs().length == 0) {
            throw new CertificateRefusedException("the CSR names no subject");
        }
        String ca = profile.issuingCa();
        X509Certificate caCert = certs.get(ca);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int days = Math.min(Math.max(1, validityDays), profile.maxDays());
        Instant notAfter = now.plus(days, ChronoUnit.DAYS);
        if (notAfter.isAfter(caCert.getNotAfter().toInstant())) {
            notAfter = caCert.getNotAfter().toInstant();
        }
        BigInteger serial = serial();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                    serial, Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter), csr.getSubject(), csr.getSubjectPublicKeyInfo())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.extendedKeyUsage().stream()
                            .map(o -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(o))).toArray(KeyPurposeId[]::new)))
                    .addExtension(Extension.certificatePolicies, false, new CertificatePolicies(profile.policies().stream()
                            .map(o -> new PolicyInformation(new ASN1ObjectIdentifier(o))).toArray(PolicyInformation[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(csr.getSubjectPublicKeyInfo()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert))
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                            new DistributionPoint(new DistributionPointName(new GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, crlBaseUrl + ca + ".crl"))), null, null)}))
                    .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[]{
                            new AccessDescription(AccessDescription.id_ad_caIssuers,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, apiBase() + "ca/" + ca + ".crt")),
                            new AccessDescription(AccessDescription.id_ad_ocsp,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, apiBase() + "ocsp"))}));
            GeneralNames san = subjectAltNames(profile, altNames);
            if (san != null) {
                // a Server certificate's names are its identity: the SAN is critical only when the subject is empty
                b.addExtension(Extension.subjectAlternativeName, false, san);
            }
            X509CertificateHolder holder = b.build(signer(keys.get(ca)));
            byte[] der = holder.getEncoded();
            String serialHex = serial.toString(16);
            records.add(new IssuedCertificateRecord(serialHex, ca, csr.getSubject().toString(), profile.name(),
                    now.minus(Duration.ofMinutes(5)), notAfter, Base64.getEncoder().encodeToString(der)));
            return new Issued(serialHex, ca, der, chain(ca));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the embedded CA failed to issue", e);
        }
    }

    /** Where the CA's certificates and its OCSP responder are published: beside the CRLs, under the same API. */
    String apiBase() {
        return crlBaseUrl.replaceFirst("crl/?$", "");
    }

    /**
     * The subject alternative names: a Server certificate carries exactly its approved names (and must have some); others
     * the e-mail address asked for on the form, if any.
     */
    static GeneralNames subjectAltNames(CertificateProfile profile, AltNames altNames) {
        List<GeneralName> names = new ArrayList<>();
        if ("SERVER".equals(profile.name())) {
            if (altNames.dnsNames().isEmpty()) {
                throw new CertificateRefusedException("a Server certificate names its approved servers");
            }
            altNames.dnsNames().forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        } else if (!altNames.dnsNames().isEmpty()) {
            throw new CertificateRefusedException("only a Server certificate carries server names");
        }
        altNames.email().filter(e -> !e.isBlank()).ifPresent(e -> {
            if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new CertificateRefusedException("\"" + e + "\" is not an e-mail address");
            }
            names.add(new GeneralName(GeneralName.rfc822Name, e.trim()));
        });
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /** Rule: RSA of at least 2048 bits, or an EC key on an accepted curve. */
    static void checkKey(SubjectPublicKeyInfo spki) {
        String alg = spki.getAlgorithm().getAlgorithm().getId();
        try {
            if ("1.2.840.113549.1.1.1".equals(alg)) {
                RSAPublicKey rsa = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded()));
                if (rsa.getModulus().bitLength() < 2048) {
                    throw new CertificateRefusedException("RSA key of " + rsa.getModulus().bitLength() + " bits: at least 2048 are required");
                }
            } else if ("1.2.840.10045.2.1".equals(alg)) {
                String curve = spki.getAlgorithm().getParameters().toString();
                if (!List.of("1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35").contains(curve)) {
                    throw new CertificateRefusedException("EC curve " + curve + " is not accepted (P-256, P-384, P-521 are)");
                }
            } else {
                throw new CertificateRefusedException("key algorithm " + alg + " is not accepted");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateRefusedException("unreadable public key: " + e.getMessage());
        }
    }

    @Override
    @Transactional
    public void revoke(String serialHex, String reason) {
        IssuedCertificateRecord r = records.find(serialHex)
                .orElseThrow(() -> new IllegalArgumentException("no certificate " + serialHex + " was issued here"));
        r.revoke(reason, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    @Transactional
    public void releaseHold(String serialHex) {
        IssuedCertificateRecord r = records.find(serialHex)
                .orElseThrow(() -> new IllegalArgumentException("no certificate " + serialHex + " was issued here"));
        if (!r.releaseHold()) {
            throw new IllegalStateException("certificate " + serialHex + " is not on hold");
        }
    }

    /**
     * The current CRL of an issuing CA (RFC 5280 §5): its CRL number (one more than the last, kept in the database),
     * the Authority Key Identifier, {@code nextUpdate} {@code counter.ca.crl-next-update-hours} ahead, and each
     * revoked or held certificate with its reason. A certificate released from hold is not on it.
     */
    @Override
    @Transactional
    public byte[] crl(String issuingCa) {
        X509Certificate caCert = certs.get(issuingCa);
        if (caCert == null || ROOT.equals(issuingCa)) {
            throw new IllegalArgumentException("no issuing CA " + issuingCa);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), Date.from(now));
        b.setNextUpdate(Date.from(now.plus(Math.max(1, crlNextUpdateHours), ChronoUnit.HOURS)));
        for (IssuedCertificateRecord r : records.revoked(issuingCa)) {
            b.addCRLEntry(new BigInteger(r.serialHex(), 16), Date.from(r.revokedAt()), reasonCode(r.revocationReason()));
        }
        try {
            b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(
                    BigInteger.valueOf(records.nextCrlNumber(issuingCa))));
            b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert));
            X509CRLHolder crl = b.build(signer(keys.get(issuingCa)));
            return crl.getEncoded();
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the CRL", e);
        }
    }

    @Override
    @Transactional
    public Optional<byte[]> issued(String serialHex) {
        return records.find(serialHex).map(IssuedCertificateRecord::der);
    }

    @Override
    public byte[] caCertificate(String id) {
        X509Certificate c = certs.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no CA " + id);
        }
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RFC 6960: each certificate asked about is looked up among this CA's records. The issuing CA named by the
     * request's issuer name and key hashes signs the response itself (responder id by key); a request about a CA
     * that is not ours is answered "unauthorized". A nonce is echoed.
     */
    @Override
    @Transactional
    public byte[] ocsp(byte[] requestDer) {
        try {
            org.bouncycastle.cert.ocsp.OCSPReq req;
            try {
                req = new org.bouncycastle.cert.ocsp.OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            org.bouncycastle.operator.DigestCalculatorProvider digests = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
            org.bouncycastle.cert.ocsp.Req[] asked = req.getRequestList();
            String signer = null;
            org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder resp = null;
            for (org.bouncycastle.cert.ocsp.Req one : asked) {
                org.bouncycastle.cert.ocsp.CertificateID id = one.getCertID();
                String ca = null;
                for (String candidate : List.of("2-17", "2-15", "server")) {
                    if (id.matchesIssuer(new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(certs.get(candidate)), digests)) {
                        ca = candidate;
                    }
                }
                if (ca == null || (signer != null && !signer.equals(ca))) {
                    return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.UNAUTHORIZED, null)
                            .getEncoded();
                }
                if (resp == null) {
                    signer = ca;
                    resp = new org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder(certs.get(ca).getPublicKey(),
                            digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1));
                }
                String serialHex = id.getSerialNumber().toString(16);
                String issuer = ca;
                Optional<IssuedCertificateRecord> r = records.find(serialHex).filter(x -> x.issuingCa().equals(issuer));
                org.bouncycastle.cert.ocsp.CertificateStatus status;
                if (r.isEmpty()) {
                    status = new org.bouncycastle.cert.ocsp.UnknownStatus();
                } else if (r.get().revoked()) {
                    status = new org.bouncycastle.cert.ocsp.RevokedStatus(Date.from(r.get().revokedAt()), reasonCode(r.get().revocationReason()));
                } else {
                    status = org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                resp.addResponse(id, status, Date.from(now), Date.from(now.plus(Math.max(1, crlNextUpdateHours), ChronoUnit.HOURS)), null);
            }
            if (resp == null) {
                return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            org.bouncycastle.asn1.x509.Extension nonce = req.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null && !OcspNonce.acceptable(nonce)) {
                // RFC 8954: a nonce of 0 or more than 32 octets is refused as malformed, and never echoed
                return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            if (nonce != null) {
                resp.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
            }
            org.bouncycastle.cert.ocsp.BasicOCSPResp basic = resp.build(signer(keys.get(signer)),
                    new X509CertificateHolder[]{new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(certs.get(signer))},
                    Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (IOException | OperatorCreationException | org.bouncycastle.cert.ocsp.OCSPException
                 | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("the OCSP responder failed", e);
        }
    }

    private static int reasonCode(String reason) {
        return switch (String.valueOf(reason)) {
            case "KEY_COMPROMISE" -> CRLReason.keyCompromise;
            case "SUPERSEDED" -> CRLReason.superseded;
            case "CERTIFICATE_HOLD" -> CRLReason.certificateHold;
            case "CESSATION_OF_OPERATION" -> CRLReason.cessationOfOperation;
            default -> CRLReason.unspecified;
        };
    }

    @Override
    public List<byte[]> chain(String issuingCa) {
        try {
            List<byte[]> out = new ArrayList<>();
            out.add(certs.get(issuingCa).getEncoded());
            out.add(certs.get(ROOT).getEncoded());
            return out;
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
