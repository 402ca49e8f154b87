package hk.post.ecert.devices.token.pkcs11;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_RSA_PKCS;

/**
 * A Bouncy Castle {@link ContentSigner} whose signature is made by the token ({@code CKM_SHA256_RSA_PKCS}): the
 * private key never leaves it. Holds one session, so it is used by one thread.
 */
final class TokenContentSigner implements ContentSigner {

    private static final AlgorithmIdentifier SHA256_RSA = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSA");

    private final Session session;
    private final long privateKey;
    private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

    TokenContentSigner(Session session, long privateKey) {
        this.session = session;
        this.privateKey = privateKey;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return SHA256_RSA;
    }

    @Override
    public OutputStream getOutputStream() {
        return tbs;
    }

    @Override
    public byte[] getSignature() {
        try {
            return session.signSingle(new Mechanism(CKM_SHA256_RSA_PKCS), privateKey, tbs.toByteArray());
        } catch (PKCS11Exception e) {
            throw new RuntimeOperatorException("the token refused to sign: " + e.getErrorName(), e);
        }
    }
}
