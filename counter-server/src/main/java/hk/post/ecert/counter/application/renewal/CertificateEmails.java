package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The subject alternative names a renewal case's certificate carries besides its subject (issue 29): the e-mail
 * address the customer's form asks to include, as an RFC 822 name, on every path that issues for a case (posted and
 * written at the counter).
 */
@ApplicationScoped
public class CertificateEmails {

    @Inject
    CaptureDesk capture;

    public CertificateAuthority.AltNames of(String caseRef) {
        if (caseRef == null) {
            return CertificateAuthority.AltNames.NONE;
        }
        return capture.find(caseRef).flatMap(CaptureCase::emailInCertificate)
                .map(e -> new CertificateAuthority.AltNames(List.of(), java.util.Optional.of(e)))
                .orElse(CertificateAuthority.AltNames.NONE);
    }
}
