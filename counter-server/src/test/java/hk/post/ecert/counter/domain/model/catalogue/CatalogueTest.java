package hk.post.ecert.counter.domain.model.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of {@code catalogue.md}, read back from the catalogue data file. */
class CatalogueTest {

    private final Catalogue catalogue = Catalogue.loadDefault();

    @Test
    void holdsTheElevenTypesOfTheRenewalPage() {
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"),
                catalogue.types().stream().map(CertificateType::row).toList());
    }

    @ParameterizedTest(name = "row {0}: {1} is {2}, issued by {3}")
    @CsvSource(delimiter = '|', value = {
            "1  | PERSONAL               | COUNTER    | e-Cert CA 2-17",
            "2  | ORGANISATIONAL         | COUNTER    | e-Cert CA 2-17",
            "3  | ENCIPHERMENT           | COUNTER    | e-Cert CA 2-17",
            "4  | SERVER                 | COUNTER    | Root CA 3 hierarchy (Server CA)",
            "5  | ORGANISATIONAL_ROLE    | REFERRAL   | e-Cert CA 2-15",
            "6  | BANK_CERT_PERSONAL     | REFERRAL   | e-Cert CA 2-15",
            "7  | BANK_CERT_CORPORATE    | REFERRAL   | e-Cert CA 2-15",
            "8  | BANK_CERT_BANK         | HKPCA_DESK | e-Cert CA 2-15",
            "9  | G_CERT_INDIVIDUAL      | REFERRAL   | e-Cert CA 2-17",
            "10 | G_CERT_FUNCTIONAL_UNIT | REFERRAL   | e-Cert CA 2-17",
            "11 | IAM_SMART_CERT         | REFERRAL   | ''",
    })
    void eachRowHasItsChannelAndIssuingCa(String row, String code, Channel channel, String ca) {
        CertificateType type = catalogue.type(code);
        assertEquals(row, type.row());
        assertEquals(channel, catalogue.channelFor(code));
        assertEquals(ca, type.issuingCa());
        assertFalse(type.name().en().isBlank());
        assertFalse(type.name().zh().isBlank(), "every type has a Traditional Chinese name");
    }

    @ParameterizedTest(name = "{0}/{1}: forms {2}, validity {3}, CA {4}")
    @CsvSource(delimiter = '|', value = {
            "PERSONAL       | STANDARD        | CPos 798A            | 3     | e-Cert CA 2-17",
            "PERSONAL       | MR_SAFENET      | CPos 798AMR-S        | 1 2 3 | e-Cert CA 2-15",
            "PERSONAL       | MR_FEITIAN      | CPos 798AMR-F        | 1 2 3 | e-Cert CA 2-15",
            "ORGANISATIONAL | PLAIN           | CPos 798F            | 1 2   | e-Cert CA 2-17",
            "ORGANISATIONAL | MR_SAFENET      | CPos 798FMR-S        | 1 2 3 | e-Cert CA 2-15",
            "ORGANISATIONAL | MR_FEITIAN      | CPos 798FMR-F        | 1 2 3 | e-Cert CA 2-15",
            "ORGANISATIONAL | AEOI            | CPos 798F+CPos 798FA | 1 2   | e-Cert CA 2-17",
            "ENCIPHERMENT   | STANDARD        | CPos 798F            | 1 2 3 | e-Cert CA 2-17",
            "SERVER         | PLAIN           | CPos 798F            | 1     | Server CA",
            "SERVER         | WILDCARD        | CPos 798F            | 1 2   | Server CA",
            "SERVER         | MULTI_DOMAIN    | CPos 798F            | 1     | Server CA",
            "SERVER         | EV              | CPos 798F            | 1     | Server CA",
            "SERVER         | EV_MULTI_DOMAIN | CPos 798F            | 1     | Server CA",
            "BANK_CERT_BANK | NEW_ONLY        | CPos 798FB           | 1 2 3 | e-Cert CA 2-15",
    })
    void counterAndDeskVariantsCarryFormsValidityAndCa(String type, String variant, String forms, String years, String ca) {
        Variant v = catalogue.type(type).variant(variant);
        assertEquals(List.of(forms.split("\\+")), v.forms());
        assertEquals(Arrays.stream(years.split(" ")).map(Integer::valueOf).toList(), v.validityYears());
        assertEquals(ca, v.issuingCa());
        assertTrue(v.documents().contains("FORM"), "the signed form is always on the checklist");
    }

    @Test
    void personalIsValidThreeYearsWithAOneYearSubscriptionAndAnExtension() {
        Variant v = catalogue.type("PERSONAL").variant("STANDARD");
        assertEquals(1, v.subscriptionYears());
        assertEquals(Optional.of("PERSONAL_EXTENSION_PER_YEAR"), v.extensionFeeItem());
        assertEquals(List.of("E_CERT_FILE_USB", "E_CERT_FILE_CARD", "SMART_ID_CARD"), v.media());
        assertTrue(v.documents().contains("HKID_ORIGINAL_SEEN"));
        assertTrue(catalogue.type("PERSONAL").attendee().en().contains("original HKID"));
    }

    @Test
    void organisationalEnciphermentAndServerAreRenewedByTheAuthorisedRepresentative() {
        for (String code : List.of("ORGANISATIONAL", "ENCIPHERMENT", "SERVER")) {
            CertificateType t = catalogue.type(code);
            assertTrue(t.attendee().en().contains("Authorised Representative"), code);
            t.variants().forEach(v -> assertTrue(v.documents().contains("AR_AUTHORISATION_IF_CHANGED"), code + "/" + v.code()));
        }
    }

    @Test
    void serverCertificatesLiveAtMost199DaysAndNeedACsrAfterApproval() {
        CertificateType server = catalogue.type("SERVER");
        assertTrue(server.csrAfterApproval());
        server.variants().forEach(v -> assertEquals(199, v.maxCertificateDays(), v.code()));
        assertEquals(50, server.variant("MULTI_DOMAIN").maxNames());
        assertEquals(50, server.variant("EV_MULTI_DOMAIN").maxNames());
        assertTrue(server.variant("WILDCARD").wildcard());
        assertFalse(server.variant("MULTI_DOMAIN").wildcard());
        assertTrue(server.variant("PLAIN").media().isEmpty(), "no medium at the counter: the AR's server makes the CSR");
    }

    @ParameterizedTest(name = "{0}/{1} refers to {2}")
    @CsvSource(delimiter = '|', value = {
            "ORGANISATIONAL_ROLE    | HOSPITAL_AUTHORITY  | www.ha.org.hk",
            "ORGANISATIONAL_ROLE    | CUHK_MEDICAL_CENTRE | www.cuhkmc.hk",
            "ORGANISATIONAL_ROLE    | GLENEAGLES          | www.gleneagles.hk",
            "BANK_CERT_PERSONAL     | STANDARD            | Registration Bank",
            "BANK_CERT_CORPORATE    | STANDARD            | Registration Bank",
            "G_CERT_INDIVIDUAL      | STANDARD            | B/D/O",
            "G_CERT_FUNCTIONAL_UNIT | STANDARD            | B/D/O",
            "IAM_SMART_CERT         | STANDARD            | iAM Smart",
    })
    void referralTypesNameTheBodyToGoTo(String type, String variant, String where) {
        Variant v = catalogue.type(type).variant(variant);
        Referral r = v.referral().orElseThrow();
        assertTrue(r.body().en().contains(where) || r.url().equals(where), r.toString());
        assertFalse(r.body().zh().isBlank());
        assertTrue(v.forms().isEmpty(), "a referral has no counter form");
        assertTrue(v.feeItems().isEmpty(), "a referral costs nothing at the counter");
    }

    @ParameterizedTest(name = "Bank-Cert (Bank) {0}: sections {1}")
    @CsvSource(delimiter = '|', value = {
            "NEW_ONLY             | A B C",
            "NEW_AND_RENEWAL      | A B C D",
            "RENEWAL_AR_UNCHANGED | A B D",
            "RENEWAL_AR_CHANGED   | A B D",
    })
    void bankCertBankApplicationTypeDecidesTheSections(String variant, String sections) {
        Variant v = catalogue.type("BANK_CERT_BANK").variant(variant);
        assertEquals(List.of(sections.split(" ")), v.sections());
        assertTrue(v.documents().contains("ANNEX_2_CHECKLIST"));
        assertEquals(variant.equals("RENEWAL_AR_CHANGED"), v.documents().contains("AR_AUTHORISATION"));
    }

    // Rule 3 -------------------------------------------------------------------------------------------------

    @Test
    void rule3PersonalRenewalOpensThreeWeeksBeforeExpiry() {
        LocalDate expiry = LocalDate.of(2026, 12, 31);
        assertEquals(RenewalWindow.Position.NOT_YET_OPEN,
                catalogue.renewalWindowFor("PERSONAL", expiry, LocalDate.of(2026, 12, 9), Optional.empty()).position());
        RenewalWindow open = catalogue.renewalWindowFor("PERSONAL", expiry, LocalDate.of(2026, 12, 10), Optional.empty());
        assertTrue(open.accepted());
        assertEquals(LocalDate.of(2026, 12, 10), open.opens());
        assertTrue(catalogue.renewalWindowFor("PERSONAL", expiry, expiry, Optional.empty()).accepted());
        assertEquals(RenewalWindow.Position.EXPIRED,
                catalogue.renewalWindowFor("PERSONAL", expiry, expiry.plusDays(1), Optional.empty()).position());
    }

    @Test
    void rule3OrganisationalTypesAreAdvisedAMonthAheadAndAnEarlierRenewalIsAccepted() {
        LocalDate expiry = LocalDate.of(2027, 3, 31);
        for (String type : List.of("ORGANISATIONAL", "ENCIPHERMENT", "SERVER")) {
            RenewalWindow sixWeeks = catalogue.renewalWindowFor(type, expiry, expiry.minusWeeks(6), Optional.empty());
            assertTrue(sixWeeks.accepted(), type + " six weeks before expiry is renewed: " + sixWeeks);
            assertNull(sixWeeks.opens(), "no opening day: any day before expiry");
            assertEquals(expiry.minusDays(30), sixWeeks.adviseBy(), "the advice the clerk passes on");
            assertTrue(catalogue.renewalWindowFor(type, expiry, expiry.minusMonths(10), Optional.empty()).accepted());
            assertEquals(RenewalWindow.Position.EXPIRED,
                    catalogue.renewalWindowFor(type, expiry, expiry.plusDays(1), Optional.empty()).position());
        }
    }

    @Test
    void rule3EachTypeHasItsOwnWindowSetting() {
        LocalDate expiry = LocalDate.of(2027, 3, 31);
        RenewalWindow set = catalogue.renewalWindowFor("ORGANISATIONAL", expiry, expiry.minusDays(91), Optional.of(90));
        assertEquals(RenewalWindow.Position.NOT_YET_OPEN, set.position(), "the operator's 90 days for Organisational");
        assertEquals(expiry.minusDays(90), set.opens());
        assertTrue(catalogue.renewalWindowFor("ORGANISATIONAL", expiry, expiry.minusDays(90), Optional.of(90)).accepted());
        assertTrue(catalogue.renewalWindowFor("PERSONAL", expiry, expiry.minusDays(40), Optional.of(60)).accepted(),
                "a setting for Personal widens Personal's own window");
        assertFalse(catalogue.renewalWindowFor("PERSONAL", expiry, expiry.minusDays(40), Optional.empty()).accepted());
        assertNull(catalogue.renewalWindowFor("PERSONAL", expiry, expiry.minusDays(40), Optional.empty()).adviseBy(),
                "Personal's 3 weeks is a window, not advice");
        assertEquals(RenewalWindow.Position.NO_WINDOW,
                catalogue.renewalWindowFor("IAM_SMART_CERT", expiry, expiry, Optional.empty()).position());
    }

    // Rule 5 -------------------------------------------------------------------------------------------------

    @Test
    void rule5OnlyAnExistingAeoiCertificateIsRenewedWithAeoi() {
        assertEquals(Catalogue.AeoiDecision.RENEWAL_ALLOWED, catalogue.aeoiRenewal("ORGANISATIONAL", "AEOI", true));
        assertEquals(Catalogue.AeoiDecision.NEW_APPLICATION_REQUIRED, catalogue.aeoiRenewal("ORGANISATIONAL", "AEOI", false));
        assertEquals(Catalogue.AeoiDecision.RENEW_AS_AEOI, catalogue.aeoiRenewal("ORGANISATIONAL", "PLAIN", true));
        assertEquals(Catalogue.AeoiDecision.RENEWAL_ALLOWED, catalogue.aeoiRenewal("ORGANISATIONAL", "PLAIN", false));
        assertEquals(List.of("CPos 798F", "CPos 798FA"), catalogue.type("ORGANISATIONAL").variant("AEOI").forms(),
                "AEOI goes on CPos 798F together with CPos 798FA");
    }

    // Rule 6 -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} on a {1} token → {2}")
    @CsvSource({
            "PERSONAL, SAFENET, CPos 798AMR-S, E_CERT_TOKEN_SAFENET",
            "PERSONAL, FEITIAN, CPos 798AMR-F, E_CERT_TOKEN_FEITIAN",
            "ORGANISATIONAL, SAFENET, CPos 798FMR-S, E_CERT_TOKEN_SAFENET",
            "ORGANISATIONAL, FEITIAN, CPos 798FMR-F, E_CERT_TOKEN_FEITIAN",
    })
    void rule6TheMutualRecognitionFormAndMediumFollowTheTokenBrand(String type, TokenBrand brand, String form, String medium) {
        Variant v = catalogue.mutualRecognitionVariantFor(type, brand);
        assertEquals(List.of(form), v.forms());
        assertEquals(List.of(medium), v.media());
        assertEquals("e-Cert CA 2-15", v.issuingCa());
    }

    @Test
    void rule6TypesWithoutMutualRecognitionHaveNoTokenVariant() {
        assertThrows(java.util.NoSuchElementException.class,
                () -> catalogue.mutualRecognitionVariantFor("ENCIPHERMENT", TokenBrand.SAFENET));
    }
}
