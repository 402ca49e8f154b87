package hk.post.ecert.counter.domain.model.capture;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 29: the e-mail the form asks to include in the e-Cert ("E-mail address to be included in the e-Cert") is the
 * one the certificate carries; the contact e-mail ("not in the e-Cert") never is.
 */
class EmailInCertificateTest {

    static CaptureCase form(Map<String, String> values) {
        return new CaptureCase("RC-1", "PERSONAL", "STANDARD", List.of("CPos 798A"), List.of(2), List.of(), values, null, null);
    }

    @Test
    void theFormsCertificateEmailIsTakenAndTheContactEmailNever() {
        assertEquals(Optional.of("chan.tai.man@example.hk"),
                form(Map.of("email_in_cert", " chan.tai.man@example.hk ", "contact_email", "home@example.hk")).emailInCertificate());
        assertEquals(Optional.of("unit@bank.example.hk"), form(Map.of("cert_email", "unit@bank.example.hk")).emailInCertificate());
        assertEquals(Optional.empty(), form(Map.of("contact_email", "home@example.hk")).emailInCertificate(), "not in the e-Cert");
        assertEquals(Optional.empty(), form(Map.of("email_in_cert", "not an address")).emailInCertificate());
        assertEquals(Optional.empty(), form(Map.of("email_in_cert", "  ")).emailInCertificate());
    }
}
