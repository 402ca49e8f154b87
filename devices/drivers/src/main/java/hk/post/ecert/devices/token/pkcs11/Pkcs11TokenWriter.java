package hk.post.ecert.devices.token.pkcs11;

import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.devices.health.DeviceState;
import hk.post.ecert.devices.token.GeneratedKey;
import hk.post.ecert.devices.token.TokenException;
import hk.post.ecert.devices.token.TokenFault;
import hk.post.ecert.devices.token.TokenProfile;
import hk.post.ecert.devices.token.TokenTarget;
import hk.post.ecert.devices.token.TokenWriter;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DEVICE_MEMORY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DEVICE_REMOVED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_GENERAL_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INCORRECT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LEN_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LOCKED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_SESSION_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_TOKEN_NOT_PRESENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_TOKEN_NOT_RECOGNIZED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

/**
 * A PKCS#11 token (SafeNet, FEITIAN; SoftHSM2 in tests) through the IAIK wrapper. This package is the only one that
 * imports it. Tokens are found by label or serial, never by slot index (slot ids change whenever a token is
 * inserted); when the wanted token is not seen the module is re-initialised once, because a module only sees
 * tokens inserted before its {@code C_Initialize}.
 */
public class Pkcs11TokenWriter implements TokenWriter {

    /** Loads a module library; replaced in tests to inject faults a software token cannot produce. */
    public interface ModuleLoader {
        PKCS11Module load(String library) throws IOException;
    }

    private static final Map<String, PKCS11Module> MODULES = new ConcurrentHashMap<>();

    /**
     * One write at a time per module, and the reader's state looked at only between writes: looking re-initialises the
     * module (SoftHSM reads its token list once per {@code C_Initialize}), which would end a write's session.
     */
    private static final Map<String, java.util.concurrent.locks.ReentrantLock> IN_USE = new ConcurrentHashMap<>();

    static {
        org.xipki.pkcs11.wrapper.StaticLogger.setLogger(new WrapperLog());
    }

    private final TokenProfile profile;
    private final ModuleLoader loader;

    public Pkcs11TokenWriter(TokenProfile profile) {
        this(profile, PKCS11Module::getInstance);
    }

    public Pkcs11TokenWriter(TokenProfile profile, ModuleLoader loader) {
        if (profile.medium() != TokenProfile.Medium.PKCS11) {
            throw new IllegalArgumentException(profile.id() + " is not a PKCS#11 token");
        }
        this.profile = profile;
        this.loader = loader;
    }

    @Override
    public GeneratedKey generateKey(TokenTarget target, char[] pin, String keyId, String subjectDn) throws TokenException {
        byte[] id = HexFormat.of().parseHex(keyId);
        try (LoggedIn s = login(target, pin)) {
            List<Long> created = new ArrayList<>();
            try {
                long priv;
                long pub;
                long[] existing = s.session.findObjectsSingle(AttributeVector.newPrivateKey().id(id), 2);
                if (existing.length > 0) {
                    // The same renewal asked again (a retry after a lost answer): reuse its key, never make a second.
                    priv = existing[0];
                    long[] pubs = s.session.findObjectsSingle(AttributeVector.newPublicKey().id(id), 2);
                    if (pubs.length == 0) {
                        throw new TokenException(TokenFault.VERIFY_FAILED, "key " + keyId + " has no public half");
                    }
                    pub = pubs[0];
                } else {
                    KeyPairTemplate tpl = new KeyPairTemplate(CKK_RSA).token(true).id(id).labels("ecert-" + keyId)
                            .signVerify(true).decryptEncrypt(false).unwrapWrap(false).derive(false);
                    tpl.publicKey().modulusBits(2048).publicExponent(BigInteger.valueOf(65537)).private_(false);
                    tpl.privateKey().private_(true).sensitive(true).extractable(false);
                    PKCS11KeyPair kp = s.session.generateKeyPair(new Mechanism(CKM_RSA_PKCS_KEY_PAIR_GEN), tpl);
                    priv = kp.getPrivateKey();
                    pub = kp.getPublicKey();
                    created.add(priv);
                    created.add(pub);
                }
                PublicKey publicKey = publicKey(s.session, pub);
                PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name(subjectDn), publicKey)
                        .build(new TokenContentSigner(s.session, priv));
                return new GeneratedKey(keyId, csr.getEncoded());
            } catch (PKCS11Exception | IOException | java.security.GeneralSecurityException | RuntimeException e) {
                destroy(s.session, created);
                throw map(e, "generating the key pair");
            }
        }
    }

    @Override
    public void install(TokenTarget target, char[] pin, String keyId, byte[] certificateDer, List<byte[]> chainDer)
            throws TokenException {
        byte[] id = HexFormat.of().parseHex(keyId);
        X509Certificate cert = parse(certificateDer);
        try (LoggedIn s = login(target, pin)) {
            List<Long> created = new ArrayList<>();
            try {
                long[] pubs = s.session.findObjectsSingle(AttributeVector.newPublicKey().id(id), 2);
                if (pubs.length == 0) {
                    throw new TokenException(TokenFault.CERTIFICATE_MISMATCH,
                            "no key " + keyId + " on this token: it was not generated here");
                }
                if (!publicKey(s.session, pubs[0]).equals(cert.getPublicKey())) {
                    throw new TokenException(TokenFault.CERTIFICATE_MISMATCH,
                            "the certificate's public key is not this token's key " + keyId);
                }
                if (!present(s.session, id, certificateDer)) {
                    created.add(s.session.createObject(certificateObject(cert, id, "ecert-" + keyId, 1L)));
                }
                for (byte[] caDer : chainDer) {
                    X509Certificate ca = parse(caDer);
                    byte[] caId = Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(ca.getPublicKey().getEncoded()), 8);
                    if (!present(s.session, caId, caDer)) {
                        created.add(s.session.createObject(certificateObject(ca, caId, "ecert-ca", 2L)));
                    }
                }
                // Read back: the token must hold exactly the bytes issued, under the key's id.
                long[] certs = s.session.findObjectsSingle(AttributeVector.newX509Certificate().id(id), 4);
                boolean verified = false;
                for (long h : certs) {
                    verified |= Arrays.equals(certificateDer, s.session.getAttrValues(h, CKA_VALUE).value());
                }
                if (!verified) {
                    throw new TokenException(TokenFault.VERIFY_FAILED,
                            "the certificate read back from the token differs from the one issued");
                }
            } catch (PKCS11Exception | IOException | java.security.GeneralSecurityException | RuntimeException e) {
                destroy(s.session, created);
                throw map(e, "installing the certificate");
            }
        }
    }

    @Override
    public void discard(TokenTarget target, char[] pin, String keyId) throws TokenException {
        byte[] id = HexFormat.of().parseHex(keyId);
        try (LoggedIn s = login(target, pin)) {
            List<Long> mine = new ArrayList<>();
            for (AttributeVector kind : List.of(AttributeVector.newPrivateKey(), AttributeVector.newPublicKey(),
                    AttributeVector.newX509Certificate())) {
                for (long h : s.session.findObjectsSingle(kind.id(id), 8)) {
                    mine.add(h);
                }
            }
            destroy(s.session, mine);
        } catch (PKCS11Exception e) {
            throw map(e, "removing the renewal's objects");
        }
    }

    private static boolean present(Session session, byte[] id, byte[] der) throws PKCS11Exception {
        for (long h : session.findObjectsSingle(AttributeVector.newX509Certificate().id(id), 8)) {
            if (Arrays.equals(der, session.getAttrValues(h, CKA_VALUE).value())) {
                return true;
            }
        }
        return false;
    }

    private static AttributeVector certificateObject(X509Certificate cert, byte[] id, String label, long category)
            throws IOException {
        try {
            return AttributeVector.newX509Certificate().token(true).private_(false).id(id).label(label)
                    .subject(cert.getSubjectX500Principal().getEncoded())
                    .issuer(cert.getIssuerX500Principal().getEncoded())
                    .serialNumber(new ASN1Integer(cert.getSerialNumber()).getEncoded())
                    .certificateCategory(category)
                    .value(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static void destroy(Session session, List<Long> handles) {
        for (long h : handles) {
            try {
                session.destroyObject(h);
            } catch (PKCS11Exception ignored) {
                // the token may be gone; nothing more can be removed
            }
        }
    }

    private static PublicKey publicKey(Session session, long pub) throws PKCS11Exception, java.security.GeneralSecurityException {
        AttributeVector a = session.getAttrValues(pub, CKA_MODULUS, CKA_PUBLIC_EXPONENT);
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(a.modulus(), a.publicExponent()));
    }

    private static X509Certificate parse(byte[] der) throws TokenException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new TokenException(TokenFault.CERTIFICATE_MISMATCH, "not an X.509 certificate", e);
        }
    }

    /** A logged-in read-write session on the target token; closing logs out and closes the session. */
    private static final class LoggedIn implements AutoCloseable {
        final Session session;
        private final java.util.concurrent.locks.ReentrantLock inUse;

        LoggedIn(Session session, java.util.concurrent.locks.ReentrantLock inUse) {
            this.session = session;
            this.inUse = inUse;
        }

        @Override
        public void close() {
            try {
                end();
            } finally {
                if (inUse != null) {
                    inUse.unlock();
                }
            }
        }

        private void end() {
            try {
                session.logout();
            } catch (PKCS11Exception ignored) {
                // not logged in, or the token is gone
            }
            try {
                session.closeSession();
            } catch (PKCS11Exception ignored) {
                // already closed
            }
        }
    }

    private LoggedIn login(TokenTarget target, char[] pin) throws TokenException {
        java.util.concurrent.locks.ReentrantLock inUse = inUse();
        inUse.lock();
        try {
            Token token = find(target);
            Session session;
            try {
                session = token.openSession(true);
            } catch (PKCS11Exception e) {
                throw map(e, "opening a session");
            }
            try {
                session.login(CKU_USER, pin);
            } catch (PKCS11Exception e) {
                if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                    new LoggedIn(session, null).close();
                    throw map(e, "logging in");
                }
            }
            return new LoggedIn(session, inUse);
        } catch (TokenException | RuntimeException e) {
            inUse.unlock();
            throw e;
        }
    }

    java.util.concurrent.locks.ReentrantLock inUse() {
        return IN_USE.computeIfAbsent(profile.module(), m -> new java.util.concurrent.locks.ReentrantLock());
    }

    /**
     * The reader as the counter's header shows it (issue 16): one token of this brand in it (ready), none
     * ({@code TOKEN_ABSENT}) or several ({@code SEVERAL_TOKENS}: a write that names no label would refuse), or the
     * module missing or failing. Empty while a write is under way: the write's own outcome says more.
     */
    public java.util.Optional<DeviceHealth> health() {
        Looked recent = LOOKED.get(profile.id());
        if (recent != null && System.nanoTime() - recent.atNanos() < LOOK_AGAIN_NANOS) {
            return java.util.Optional.of(recent.health());   // several terminals in one process (tests, benches) look once
        }
        return healthNow();
    }

    /** {@link #health()} looked at now, not taken from a look a moment ago. */
    java.util.Optional<DeviceHealth> healthNow() {
        java.util.concurrent.locks.ReentrantLock inUse = inUse();
        if (!inUse.tryLock()) {
            return java.util.Optional.empty();
        }
        try {
            DeviceHealth h = lookAtTheReader();
            LOOKED.put(profile.id(), new Looked(System.nanoTime(), h));
            return java.util.Optional.of(h);
        } finally {
            inUse.unlock();
        }
    }

    private record Looked(long atNanos, DeviceHealth health) {
    }

    private static final Map<String, Looked> LOOKED = new ConcurrentHashMap<>();
    private static final long LOOK_AGAIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private DeviceHealth lookAtTheReader() {
        try {
            int ofTheBrand = 0;
            for (Slot slot : reinitialise().getSlotList(true)) {
                try {
                    TokenInfo info = slot.getToken().getTokenInfo();
                    if (info.isTokenInitialized() && profile.acceptsToken(info.getManufacturerID(), info.getModel())) {
                        ofTheBrand++;
                    }
                } catch (PKCS11Exception e) {
                    // an empty or half-inserted slot: no token of ours
                }
            }
            return ofTheBrand == 1 ? reader(DeviceState.READY, "")
                    : reader(DeviceState.WARNING, ofTheBrand == 0 ? "TOKEN_ABSENT" : "SEVERAL_TOKENS");
        } catch (TokenException e) {
            return reader(e.fault() == TokenFault.MODULE_MISSING ? DeviceState.NO_HARDWARE
                    : DeviceState.FAULT, e.fault().name());
        } catch (PKCS11Exception e) {
            return reader(DeviceState.FAULT, map(e, "listing slots").fault().name());
        }
    }

    private DeviceHealth reader(DeviceState state, String detail) {
        return new DeviceHealth(DeviceKind.TOKEN_WRITER, profile.id(), state, detail);
    }

    /** Finds the token by label or serial; re-initialises the module once when it is not seen. */
    Token find(TokenTarget target) throws TokenException {
        // "the one inserted" is a question about the reader now: a module that reads its token list once (SoftHSM) would
        // otherwise still count a token taken out, or miss one put in
        PKCS11Module module = target.theOneInserted() ? reinitialise() : module();
        Token found = scan(module, target);
        if (found == null && !target.theOneInserted()) {
            module = reinitialise();
            found = scan(module, target);
        }
        if (found == null) {
            throw new TokenException(TokenFault.TOKEN_ABSENT,
                    target.theOneInserted() ? "no " + profile.name() + " token is inserted"
                            : "no token labelled '" + target.label() + "'" + (target.serial().isEmpty() ? "" : " / serial " + target.serial()));
        }
        return found;
    }

    private Token scan(PKCS11Module module, TokenTarget target) throws TokenException {
        Slot[] slots;
        try {
            slots = module.getSlotList(true);
        } catch (PKCS11Exception e) {
            throw map(e, "listing slots");
        }
        List<Token> ofTheBrand = new ArrayList<>();
        for (Slot slot : slots) {
            try {
                Token token = slot.getToken();
                TokenInfo info = token.getTokenInfo();
                if (target.theOneInserted()) {
                    // no label named: the one initialised token of this brand in the reader
                    if (info.isTokenInitialized() && profile.acceptsToken(info.getManufacturerID(), info.getModel())) {
                        ofTheBrand.add(token);
                    }
                    continue;
                }
                boolean labelMatches = !target.label().isEmpty() && target.label().equals(info.getLabel().trim());
                boolean serialMatches = !target.serial().isEmpty() && target.serial().equals(info.getSerialNumber().trim());
                if (labelMatches || serialMatches) {
                    if (!info.isTokenInitialized()) {
                        throw new TokenException(TokenFault.TOKEN_NOT_RECOGNISED,
                                "token '" + target.label() + "' is not initialised");
                    }
                    if (!profile.acceptsToken(info.getManufacturerID(), info.getModel())) {
                        throw new TokenException(TokenFault.WRONG_BRAND, "token '" + target.label() + "' is a "
                                + info.getManufacturerID().trim() + " " + info.getModel().trim() + ", not a " + profile.name());
                    }
                    return token;
                }
            } catch (PKCS11Exception e) {
                // SoftHSM's empty slot and half-inserted tokens answer CKR_TOKEN_NOT_RECOGNIZED: not ours, look on
            }
        }
        if (ofTheBrand.size() > 1) {
            throw new TokenException(TokenFault.SEVERAL_TOKENS, ofTheBrand.size() + " " + profile.name()
                    + " tokens are inserted and none was named: leave only the customer's token in the reader");
        }
        return ofTheBrand.isEmpty() ? null : ofTheBrand.get(0);
    }

    private PKCS11Module module() throws TokenException {
        PKCS11Module m = MODULES.get(profile.module());
        if (m != null) {
            return m;
        }
        synchronized (MODULES) {
            m = MODULES.get(profile.module());
            if (m == null) {
                if (!Files.isRegularFile(Path.of(profile.module()))) {
                    throw new TokenException(TokenFault.MODULE_MISSING,
                            "PKCS#11 module " + profile.module() + " (" + profile.name() + ") is not installed");
                }
                try {
                    m = loader.load(profile.module());
                    m.initialize();
                } catch (IOException e) {
                    throw new TokenException(TokenFault.MODULE_MISSING,
                            "cannot load PKCS#11 module " + profile.module() + ": " + e.getMessage(), e);
                } catch (PKCS11Exception e) {
                    throw map(e, "initialising the module");
                }
                MODULES.put(profile.module(), m);
            }
            return m;
        }
    }

    /** C_Finalize + C_Initialize: the module sees tokens inserted (or removed) since it was initialised. */
    private PKCS11Module reinitialise() throws TokenException {
        synchronized (MODULES) {
            PKCS11Module m = module();
            try {
                m.finalize(null);
            } catch (PKCS11Exception ignored) {
                // not initialised: fine
            }
            try {
                m.initialize();
            } catch (PKCS11Exception e) {
                MODULES.remove(profile.module());
                throw map(e, "re-initialising the module");
            }
            return m;
        }
    }

    /** Forgets loaded modules (tests that swap module loaders). */
    public static void resetModules() {
        synchronized (MODULES) {
            for (PKCS11Module m : MODULES.values()) {
                try {
                    m.finalize(null);
                } catch (PKCS11Exception ignored) {
                    // already finalised
                }
            }
            MODULES.clear();
        }
    }

    static TokenException map(Exception e, String doing) {
        if (e instanceof TokenException te) {
            return te;
        }
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof PKCS11Exception)) {
            root = root.getCause();
        }
        if (root instanceof PKCS11Exception p) {
            long code = p.getErrorCode();
            TokenFault fault = code == CKR_PIN_INCORRECT || code == CKR_PIN_LEN_RANGE ? TokenFault.PIN_INCORRECT
                    : code == CKR_PIN_LOCKED ? TokenFault.PIN_LOCKED
                    : code == CKR_DEVICE_MEMORY ? TokenFault.TOKEN_FULL
                    : code == CKR_TOKEN_NOT_RECOGNIZED ? TokenFault.TOKEN_NOT_RECOGNISED
                    : code == CKR_TOKEN_NOT_PRESENT || code == CKR_DEVICE_REMOVED || code == CKR_SESSION_HANDLE_INVALID
                      || code == CKR_GENERAL_ERROR ? TokenFault.TOKEN_REMOVED
                    : TokenFault.DEVICE_ERROR;
            return new TokenException(fault, doing + ": " + p.getErrorName(), e);
        }
        if (e instanceof org.xipki.pkcs11.wrapper.TokenException) {
            return new TokenException(TokenFault.DEVICE_ERROR, doing + ": " + e.getMessage(), e);
        }
        return new TokenException(TokenFault.DEVICE_ERROR, doing + ": " + e, e);
    }
}
