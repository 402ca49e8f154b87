package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.domain.service.CertificateRefusedException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/**
 * Issuance for a certificate delivered by registered mail: the key pair is generated on the subscriber's behalf
 * (RSA 2048), the CSR signed with it, and the certificate issued by the CA under the profile. A refusal of the CA
 * becomes a case refusal in both languages.
 */
public final class OnBehalfIssuance {

    private OnBehalfIssuance() {
    }

    public static CertificateAuthority.Issued issue(CertificateAuthority ca, X500Name subject, CertificateProfile profile, int validityDays) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair key = g.generateKeyPair();
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
            return ca.issue(profile, csr, validityDays);
        } catch (CertificateRefusedException e) {
            throw new CaseRefusal("The certificate authority refused: " + e.getMessage(), "核證機關拒絕簽發：" + e.getMessage());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot prepare the key pair", e);
        }
    }
}
