package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.service.CertificateRefusedException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Issuance for a certificate delivered by registered mail: the key pair is generated on the subscriber's behalf
 * (RSA 2048), the CSR signed with it, and the certificate issued by the CA under the profile. The key and the
 * certificate with its chain go into a PKCS#12 file for the medium, encrypted under a fresh PIN for the PIN envelope
 * ({@link #PIN_LENGTH} characters, 80 bits); the key exists nowhere else. A refusal of the CA becomes a case refusal in both languages.
 */
public final class OnBehalfIssuance {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OnBehalfIssuance() {
    }

    /** The certificate, and the medium's file with the PIN that opens it (to be shown once, never stored). */
    public record Medium(CertificateAuthority.Issued issued, byte[] pkcs12, char[] pin) {
    }

    public static Medium issue(CertificateAuthority ca, X500Name subject, CertificateProfile profile, int validityDays) {
        return issue(ca, subject, profile, validityDays, CertificateAuthority.AltNames.NONE);
    }

    /** As above, with the certificate's subject alternative names (the form's e-mail address). */
    public static Medium issue(CertificateAuthority ca, X500Name subject, CertificateProfile profile, int validityDays,
                               CertificateAuthority.AltNames altNames) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair key = g.generateKeyPair();
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
            CertificateAuthority.Issued issued = ca.issue(profile, csr, validityDays, altNames);
            char[] pin = newPin();
            return new Medium(issued, pkcs12(key.getPrivate(), issued, pin), pin);
        } catch (CertificateRefusedException e) {
            throw new CaseRefusal("The certificate authority refused: " + e.getMessage(), "核證機關拒絕簽發：" + e.getMessage());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot prepare the key pair", e);
        }
    }

    /**
     * The PIN of a posted medium: {@value #PIN_LENGTH} characters from {@value #PIN_ALPHABET} (32 symbols: no 0, 1, O or I, which
     * look alike), 80 bits. The file travels by post and can be copied, so the PIN must hold against
     * an offline search of the PKCS#12 (PBKDF2): an 8-digit PIN (27 bits) falls to a laptop in hours; 80 bits do not.
     */
    public static final String PIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int PIN_LENGTH = 16;

    static char[] newPin() {
        char[] pin = new char[PIN_LENGTH];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = PIN_ALPHABET.charAt(RANDOM.nextInt(PIN_ALPHABET.length()));
        }
        return pin;
    }

    /** PKCS#12 with the JDK's defaults of Java 17 (PBES2 with AES-256 for the key, HMAC-SHA-256 for integrity). */
    static byte[] pkcs12(PrivateKey key, CertificateAuthority.Issued issued, char[] pin) throws GeneralSecurityException, IOException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<Certificate> chain = new ArrayList<>();
        chain.add(cf.generateCertificate(new ByteArrayInputStream(issued.certificateDer())));
        for (byte[] der : issued.chainDer()) {
            chain.add(cf.generateCertificate(new ByteArrayInputStream(der)));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("ecert", key, pin, chain.toArray(new Certificate[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, pin);
        return out.toByteArray();
    }
}
