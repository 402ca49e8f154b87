package hk.post.ecert.counter.domain.model.registry;

import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberCertificateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Catalogue CATALOGUE = Catalogue.loadDefault();
    static final Variant STANDARD = CATALOGUE.type("PERSONAL").variant("STANDARD");

    static SubscriberCertificate personal(LocalDate validTo, LocalDate subscriptionEnd, CertificateStatus status) {
        return new SubscriberCertificate("0A", "SRN-P-1", "PERSONAL", "STANDARD", "2-17", "CHAN TAI MAN", "A123***(3)", null,
                validTo.minusYears(3), validTo, subscriptionEnd, status, "ecert-file-usb", null, false);
    }

    @Test
    void rule2EachPaidYearExtendsTheSubscriptionNeverPastExpiry() {
        SubscriberCertificate c = personal(LocalDate.of(2028, 6, 30), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE);
        assertEquals(1, c.extensionYearsAvailable(STANDARD, TODAY), "2027-12-31 fits; 2028-12-31 is past the expiry");
        assertEquals(LocalDate.of(2027, 12, 31), c.extendedBy(STANDARD, 1, TODAY));
        RegistryRefusal tooMany = assertThrows(RegistryRefusal.class, () -> c.extendedBy(STANDARD, 2, TODAY));
        assertTrue(tooMany.getMessage().contains("At most 1 year"), tooMany.getMessage());
        SubscriberCertificate full = personal(LocalDate.of(2027, 6, 30), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE);
        assertEquals(0, full.extensionYearsAvailable(STANDARD, TODAY));
        assertTrue(assertThrows(RegistryRefusal.class, () -> full.extendedBy(STANDARD, 1, TODAY)).getMessage().contains("renew the certificate"));
        SubscriberCertificate exact = personal(LocalDate.of(2027, 12, 31), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE);
        assertEquals(1, exact.extensionYearsAvailable(STANDARD, TODAY), "up to the expiry day itself is allowed");
    }

    @Test
    void rule1ExpiredSuspendedOrRevokedNeedANewApplication() {
        SubscriberCertificate expired = personal(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24), CertificateStatus.ACTIVE);
        assertEquals(CertificateStatus.EXPIRED, expired.status(TODAY));
        assertTrue(expired.newApplicationNeeded(TODAY).orElseThrow().en().contains("new application"));
        assertThrows(RegistryRefusal.class, () -> expired.extendedBy(STANDARD, 1, TODAY));
        for (CertificateStatus s : new CertificateStatus[] {CertificateStatus.SUSPENDED, CertificateStatus.REVOKED}) {
            SubscriberCertificate c = personal(LocalDate.of(2028, 6, 30), LocalDate.of(2026, 12, 31), s);
            assertEquals(s, c.status(TODAY));
            assertEquals(0, c.extensionYearsAvailable(STANDARD, TODAY));
            assertTrue(assertThrows(RegistryRefusal.class, () -> c.extendedBy(STANDARD, 1, TODAY)).getMessage().contains("new application"));
        }
        assertEquals(CertificateStatus.ACTIVE, personal(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25), CertificateStatus.ACTIVE)
                .status(TODAY), "valid through its last day");
    }

    @Test
    void rule2MutualRecognitionHasNoSubscriptionToExtendEvenWhenAnOldRecordCarriesOne() {
        for (String mr : new String[] {"MR_SAFENET", "MR_FEITIAN"}) {
            Variant v = CATALOGUE.type("PERSONAL").variant(mr);
            SubscriberCertificate c = new SubscriberCertificate("0B", "SRN-P-2", "PERSONAL", mr, "2-15", "CHAN TAI MAN", "A123***(3)",
                    null, LocalDate.of(2025, 6, 30), LocalDate.of(2028, 6, 30), LocalDate.of(2026, 12, 31), CertificateStatus.ACTIVE,
                    "ecert-token", null, false);
            assertEquals(0, c.extensionYearsAvailable(v, TODAY), mr + ": nothing offered");
            RegistryRefusal r = assertThrows(RegistryRefusal.class, () -> c.extendedBy(v, 1, TODAY), "a clear refusal, not an exception");
            assertTrue(r.getMessage().contains("renew the certificate instead"), r.getMessage());
        }
        Variant server = CATALOGUE.type("SERVER").variant("PLAIN");
        SubscriberCertificate s = new SubscriberCertificate("0C", "SRN-S-1", "SERVER", "PLAIN", "Server CA", "www.demo.hk", null,
                "12345678", TODAY.minusDays(10), TODAY.plusDays(189), TODAY.plusDays(355), CertificateStatus.ACTIVE, null, "AR", false);
        assertEquals(0, s.extensionYearsAvailable(server, TODAY), "a Server subscription is renewed, not extended");
        assertThrows(RegistryRefusal.class, () -> s.extendedBy(server, 1, TODAY));
    }

    @Test
    void mutualRecognitionIsNeverSuspendedForASubscription() {
        // issue 29: the nightly lapse run asks the certificate; an MR record with an old subscription date is not lapsed
        SubscriberCertificate standard = personal(LocalDate.of(2028, 6, 30), TODAY.minusDays(1), CertificateStatus.ACTIVE);
        assertTrue(standard.subscriptionLapsed(STANDARD, TODAY), "Standard: the subscription ended yesterday");
        assertFalse(standard.subscriptionLapsed(STANDARD, TODAY.minusDays(1)), "not on its last day");
        for (String mr : new String[] {"MR_SAFENET", "MR_FEITIAN"}) {
            Variant v = CATALOGUE.type("PERSONAL").variant(mr);
            SubscriberCertificate c = new SubscriberCertificate("0B", "SRN-P-2", "PERSONAL", mr, "2-15", "CHAN TAI MAN", "A123***(*)",
                    null, LocalDate.of(2025, 6, 30), LocalDate.of(2028, 6, 30), TODAY.minusYears(1), CertificateStatus.ACTIVE,
                    "ecert-token", null, false);
            assertFalse(c.subscriptionLapsed(v, TODAY), mr + " has no subscription to lapse");
        }
        assertFalse(personal(LocalDate.of(2028, 6, 30), TODAY.minusDays(1), CertificateStatus.SUSPENDED).subscriptionLapsed(STANDARD, TODAY),
                "already suspended");
    }

    @Test
    void aLapsedSubscriptionIsReinstatedByPayingWithinTheGracePeriodOrWithASupervisorsApproval() {
        // suspended the night after its subscription ended on 2026-11-10; the certificate itself runs to 2028-06-30
        SubscriberCertificate lapsed = personal(LocalDate.of(2028, 6, 30), LocalDate.of(2026, 11, 10), CertificateStatus.SUSPENDED);
        Reinstatement grace30 = new Reinstatement(true, Optional.of(30), Optional.empty());
        assertTrue(lapsed.reinstatementRefusal(STANDARD, TODAY, grace30).isEmpty(), "15 days after the lapse, inside 30 days' grace");
        assertEquals(1, lapsed.extensionYearsAvailable(STANDARD, TODAY, grace30));
        assertEquals(LocalDate.of(2027, 11, 10), lapsed.extendedBy(STANDARD, 1, TODAY, grace30), "no paid day is given away");
        // past the grace period: refused in words, until a supervisor approves
        Reinstatement grace10 = new Reinstatement(true, Optional.of(10), Optional.empty());
        String past = lapsed.reinstatementRefusal(STANDARD, TODAY, grace10).orElseThrow().en();
        assertTrue(past.contains("grace period of 10 days after it ended on 2026-11-20") && past.contains("A supervisor may approve"), past);
        assertThrows(RegistryRefusal.class, () -> lapsed.extendedBy(STANDARD, 1, TODAY, grace10));
        Reinstatement approved = new Reinstatement(true, Optional.of(10), Optional.of("super1"));
        assertEquals(LocalDate.of(2027, 11, 10), lapsed.extendedBy(STANDARD, 1, TODAY, approved));
        // no grace period set: only a supervisor
        String none = lapsed.reinstatementRefusal(STANDARD, TODAY, new Reinstatement(true, Optional.empty(), Optional.empty())).orElseThrow().en();
        assertTrue(none.contains("HKPCA has set no grace period"), none);
        // a certificate suspended for another reason, or one that expired, is never reinstated by paying
        assertThrows(RegistryRefusal.class, () -> lapsed.extendedBy(STANDARD, 1, TODAY, Reinstatement.NONE));
        assertEquals(0, lapsed.extensionYearsAvailable(STANDARD, TODAY, Reinstatement.NONE));
        SubscriberCertificate expired = personal(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 10), CertificateStatus.SUSPENDED);
        assertTrue(expired.reinstatementRefusal(STANDARD, TODAY, approved).isPresent());
        // years that leave the subscription still in the past do not reinstate
        SubscriberCertificate longAgo = personal(LocalDate.of(2029, 6, 30), LocalDate.of(2025, 1, 10), CertificateStatus.SUSPENDED);
        assertTrue(assertThrows(RegistryRefusal.class, () -> longAgo.extendedBy(STANDARD, 1, TODAY, approved)).getMessage()
                .contains("runs past today"));
        assertEquals(LocalDate.of(2027, 1, 10), longAgo.extendedBy(STANDARD, 2, TODAY, approved));
    }
}
