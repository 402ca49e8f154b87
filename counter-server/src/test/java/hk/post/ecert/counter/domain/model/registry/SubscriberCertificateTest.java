package hk.post.ecert.counter.domain.model.registry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberCertificateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static SubscriberCertificate personal(LocalDate validTo, LocalDate subscriptionEnd, CertificateStatus status) {
        return new SubscriberCertificate("0A", "SRN-P-1", "PERSONAL", "STANDARD", "2-17", "CHAN TAI MAN", "A123***(3)", null,
                validTo.minusYears(3), validTo, subscriptionEnd, status, "ecert-file-usb", null, false);
    }

    @Test
    void rule2EachPaidYearExtendsTheSubscriptionNeverPastExpiry() {
        SubscriberCertificate c = personal(LocalDate.of(2028, 6, 30), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE);
        assertEquals(1, c.extensionYearsAvailable(TODAY), "2027-12-31 fits; 2028-12-31 is past the expiry");
        assertEquals(LocalDate.of(2027, 12, 31), c.extendedBy(1, TODAY));
        RegistryRefusal tooMany = assertThrows(RegistryRefusal.class, () -> c.extendedBy(2, TODAY));
        assertTrue(tooMany.getMessage().contains("At most 1 year"), tooMany.getMessage());
        SubscriberCertificate full = personal(LocalDate.of(2027, 6, 30), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE);
        assertEquals(0, full.extensionYearsAvailable(TODAY));
        assertTrue(assertThrows(RegistryRefusal.class, () -> full.extendedBy(1, TODAY)).getMessage().contains("renew the certificate"));
        SubscriberCertificate exact = personal(LocalDate.of(2027, 12, 31), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE);
        assertEquals(1, exact.extensionYearsAvailable(TODAY), "up to the expiry day itself is allowed");
    }

    @Test
    void rule1ExpiredSuspendedOrRevokedNeedANewApplication() {
        SubscriberCertificate expired = personal(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24), CertificateStatus.ACTIVE);
        assertEquals(CertificateStatus.EXPIRED, expired.status(TODAY));
        assertTrue(expired.newApplicationNeeded(TODAY).orElseThrow().en().contains("new application"));
        assertThrows(RegistryRefusal.class, () -> expired.extendedBy(1, TODAY));
        for (CertificateStatus s : new CertificateStatus[] {CertificateStatus.SUSPENDED, CertificateStatus.REVOKED}) {
            SubscriberCertificate c = personal(LocalDate.of(2028, 6, 30), LocalDate.of(2026, 12, 31), s);
            assertEquals(s, c.status(TODAY));
            assertEquals(0, c.extensionYearsAvailable(TODAY));
            assertTrue(assertThrows(RegistryRefusal.class, () -> c.extendedBy(1, TODAY)).getMessage().contains("new application"));
        }
        assertEquals(CertificateStatus.ACTIVE, personal(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25), CertificateStatus.ACTIVE)
                .status(TODAY), "valid through its last day");
    }
}
