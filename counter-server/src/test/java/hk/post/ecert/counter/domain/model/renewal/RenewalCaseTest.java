package hk.post.ecert.counter.domain.model.renewal;

import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenewalCaseTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Catalogue CATALOGUE = Catalogue.loadDefault();

    static SubscriberCertificate cert(String type, String variant, LocalDate validTo, CertificateStatus status, boolean aeoi) {
        return new SubscriberCertificate("0A1B", "SRN-X", type, variant, "2-17", "DEMO", null, "12345678",
                validTo.minusYears(2), validTo, "PERSONAL".equals(type) ? validTo : null, status, "ecert-file-usb", "AR", aeoi);
    }

    static String refusal(Runnable r) {
        return assertThrows(CaseRefusal.class, r::run).getMessage();
    }

    static RenewalCase open(SubscriberCertificate c, String variant, int years, boolean arChanged, List<String> names,
                            RenewalCase.Delivery d) {
        return RenewalCase.open("RC-1", c, CATALOGUE, variant, years, arChanged, names, d, TODAY, Optional.empty(), "clerk1");
    }

    @Test
    void rule1AndRule3ExpiredSuspendedRevokedAndOutsideTheWindowAreRefused() {
        assertTrue(refusal(() -> open(cert("PERSONAL", "STANDARD", TODAY.minusDays(1), CertificateStatus.ACTIVE, false), "STANDARD", 3,
                false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("new application"));
        assertTrue(refusal(() -> open(cert("PERSONAL", "STANDARD", TODAY.plusDays(5), CertificateStatus.SUSPENDED, false), "STANDARD", 3,
                false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("suspended"));
        assertTrue(refusal(() -> open(cert("PERSONAL", "STANDARD", TODAY.plusDays(5), CertificateStatus.REVOKED, false), "STANDARD", 3,
                false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("revoked"));
        String outside = refusal(() -> open(cert("PERSONAL", "STANDARD", TODAY.plusMonths(3), CertificateStatus.ACTIVE, false), "STANDARD",
                3, false, List.of(), RenewalCase.Delivery.DISPATCH));
        assertTrue(outside.contains("Outside the renewal window: it usually opens on"), outside);
        RenewalCase ok = open(cert("PERSONAL", "STANDARD", TODAY.plusDays(10), CertificateStatus.ACTIVE, false), "STANDARD", 3, false,
                List.of(), RenewalCase.Delivery.DISPATCH);
        assertEquals(RenewalCase.State.OPEN, ok.state());
    }

    @Test
    void renewingBeforeTheWindowSaysTheMonthsGivenUpAndTakesASupervisorsApprovalWithAReason() {
        SubscriberCertificate early = cert("PERSONAL", "STANDARD", TODAY.plusMonths(8), CertificateStatus.ACTIVE, false);
        String refused = refusal(() -> open(early, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.DISPATCH));
        assertTrue(refused.contains("gives up the 8 months left"), refused);
        assertTrue(refused.contains("A supervisor may approve"), refused);
        RenewalCase approved = RenewalCase.open("RC-E", early, CATALOGUE, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.DISPATCH,
                TODAY, Optional.empty(), "clerk1", null, false, 0, new OutsideWindowApproval("super1", "leaving Hong Kong for a year"));
        assertEquals(RenewalCase.State.OPEN, approved.state());
        assertTrue(refusal(() -> RenewalCase.open("RC-F", early, CATALOGUE, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.DISPATCH,
                TODAY, Optional.empty(), "super1", null, false, 0, new OutsideWindowApproval("super1", "my own")))
                .contains("not the clerk opening the case"));
        assertTrue(assertThrows(CaseRefusal.class, () -> new OutsideWindowApproval("super1", "  ")).getMessage().contains("Say why"));
        // an expired certificate is never renewed, approval or not (rule 1)
        SubscriberCertificate expired = cert("PERSONAL", "STANDARD", TODAY.minusDays(1), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> RenewalCase.open("RC-G", expired, CATALOGUE, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.DISPATCH,
                TODAY, Optional.empty(), "clerk1", null, false, 0, new OutsideWindowApproval("super1", "please"))).contains("new application"));
        // inside the window nothing is given up worth saying; eight months out, the window says what is
        assertTrue(CATALOGUE.renewalWindowFor("PERSONAL", TODAY.plusDays(10), TODAY, Optional.empty()).earlyRenewal(TODAY).isEmpty());
        assertEquals(8, CATALOGUE.renewalWindowFor("PERSONAL", TODAY.plusMonths(8), TODAY, Optional.empty()).monthsGivenUp(TODAY));
        assertTrue(CATALOGUE.renewalWindowFor("PERSONAL", TODAY.plusMonths(8), TODAY, Optional.empty()).earlyRenewal(TODAY).orElseThrow()
                .zh().contains("8 個月"));
    }

    @Test
    void aeoiMayBeDroppedAtRenewalButNotAdded() {
        // issue 29: the seed restricts only adding AEOI
        SubscriberCertificate withAeoi = cert("ORGANISATIONAL", "AEOI", TODAY.plusWeeks(6), CertificateStatus.ACTIVE, true);
        RenewalCase plain = open(withAeoi, "PLAIN", 1, false, List.of(), RenewalCase.Delivery.DISPATCH);
        assertEquals(RenewalCase.State.OPEN, plain.state());
        assertEquals("PLAIN", plain.variantCode());
        SubscriberCertificate without = cert("ORGANISATIONAL", "PLAIN", TODAY.plusWeeks(6), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> open(without, "AEOI", 1, false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("Adding AEOI"));
    }

    @Test
    void aVariantSwitchIsRefusedWithTheRouteToANewApplication() {
        // issue 29: Standard renewed as MR would change the issuing CA and the form
        SubscriberCertificate standard = cert("PERSONAL", "STANDARD", TODAY.plusDays(10), CertificateStatus.ACTIVE, false);
        String toMr = refusal(() -> open(standard, "MR_SAFENET", 1, false, List.of(), RenewalCase.Delivery.DISPATCH));
        assertTrue(toMr.contains("is a new application"), toMr);
        SubscriberCertificate safenet = new SubscriberCertificate("0A1C", "SRN-P-7", "PERSONAL", "MR_SAFENET", "2-15", "DEMO", null, null,
                TODAY.minusYears(2), TODAY.plusDays(10), null, CertificateStatus.ACTIVE, "ecert-token", null, false);
        assertTrue(refusal(() -> open(safenet, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("new application"));
        assertTrue(refusal(() -> open(safenet, "MR_FEITIAN", 1, false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("new application"),
                "another token brand is another application");
    }

    @Test
    void rule3AnOrganisationalCertificateBroughtSixWeeksBeforeExpiryIsRenewed() {
        SubscriberCertificate org = cert("ORGANISATIONAL", "PLAIN", TODAY.plusWeeks(6), CertificateStatus.ACTIVE, false);
        assertEquals(RenewalCase.State.OPEN, open(org, "PLAIN", 1, false, List.of(), RenewalCase.Delivery.DISPATCH).state());
        String set = refusal(() -> RenewalCase.open("RC-2", org, CATALOGUE, "PLAIN", 1, false, List.of(), RenewalCase.Delivery.DISPATCH,
                TODAY, Optional.of(30), "clerk1"));
        assertTrue(set.contains("it usually opens on " + TODAY.plusWeeks(6).minusDays(30)), "an operator's window for the type: " + set);
    }

    @Test
    void wildcardCasesRecordAndPayForTheirAdditionalServers() {
        SubscriberCertificate wildcard = cert("SERVER", "WILDCARD", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        RenewalCase k = RenewalCase.open("RC-W", wildcard, CATALOGUE, "WILDCARD", 2, false, List.of("*.demo-trading.hk"),
                RenewalCase.Delivery.CSR, TODAY, Optional.empty(), "clerk1", null, false, 3);
        assertEquals(3, k.additionalServers());
        hk.post.ecert.counter.domain.model.fee.Quote q = hk.post.ecert.counter.domain.model.fee.FeeSchedule.loadDefault()
                .quoteRenewal(CATALOGUE.type("SERVER").variant("WILDCARD"), k.years(), k.chargedUnits(), TODAY);
        assertTrue(q.isSet());
        assertEquals(2, q.lines().size(), "the 2-year Wildcard and its additional servers");
        assertEquals(3, q.lines().get(1).quantity());
        assertEquals(95000, q.lines().get(1).rate().cents(), "HK$950 per additional server for 2 years");
        assertEquals(1653000 + 3 * 95000, q.total().cents());
        java.util.Map<String, String> form = k.formValues(wildcard, CATALOGUE.type("SERVER").variant("WILDCARD"));
        assertEquals("*.demo-trading.hk", form.get("server_names"), "CPos 798F for a Server carries its names");
        assertEquals("\"Wildcard\"", form.get("server_variant"));
        assertEquals("3", form.get("additional_servers"));
        assertEquals("2", form.get("validity_years"));
        assertTrue(hk.post.ecert.forms.render.FormDefinition.server().fieldNames().containsAll(form.keySet()),
                "every value has its field on the Server's CPos 798F: " + form.keySet());
        SubscriberCertificate plain = cert("SERVER", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> RenewalCase.open("RC-P", plain, CATALOGUE, "PLAIN", 1, false, List.of("www.demo.hk"),
                RenewalCase.Delivery.CSR, TODAY, Optional.empty(), "clerk1", null, false, 1)).contains("Only a \"Wildcard\""));
        assertTrue(refusal(() -> RenewalCase.open("RC-N", wildcard, CATALOGUE, "WILDCARD", 1, false, List.of("*.demo-trading.hk"),
                RenewalCase.Delivery.CSR, TODAY, Optional.empty(), "clerk1", null, false, -1)).contains("0 to 99"));
    }

    static SubscriberCertificate server(LocalDate validTo, LocalDate subscriptionEnd, CertificateStatus status) {
        return new SubscriberCertificate("0S1", "SRN-S-1", "SERVER", "PLAIN", "Server CA", "www.demo-trading.hk", null, "12345678",
                validTo.minusDays(199), validTo, subscriptionEnd, status, null, "AR", false);
    }

    @Test
    void rule1TheRegistryKeepsTheServerSubscriptionApartFromEachCertificates199Days() {
        Variant plain = CATALOGUE.type("SERVER").variant("PLAIN");
        SubscriberCertificate old = server(TODAY.plusDays(20), null, CertificateStatus.ACTIVE);
        RenewalCase k = approved(old, "PLAIN", 1, RenewalCase.Delivery.CSR, List.of("www.demo-trading.hk"));
        SubscriberCertificate renewed = k.renewedCertificate(old, plain, "0S2", "Server CA", TODAY);
        assertEquals(TODAY.plusYears(1), renewed.subscriptionEnd(), "the one-year subscription paid for");
        assertEquals(TODAY.plusDays(199), renewed.validTo(), "the certificate itself: 199 days");
        assertEquals(199, k.certificateDays(old, plain, TODAY), "and so the CA is asked for 199 days, not a year");
        SubscriberCertificate running = server(TODAY.plusDays(20), TODAY.plusDays(100), CertificateStatus.ACTIVE);
        RenewalCase early = approved(running, "PLAIN", 1, RenewalCase.Delivery.CSR, List.of("www.demo-trading.hk"));
        assertEquals(TODAY.plusDays(100).plusYears(1), early.renewedCertificate(running, plain, "0S3", "Server CA", TODAY).subscriptionEnd(),
                "a subscription renewed before it ends continues from its end");
    }

    @Test
    void rule1APaidUpServerSubscriberWhoseCertificateReachedIts199DaysGetsAFreeReissueNotANewApplication() {
        Variant plain = CATALOGUE.type("SERVER").variant("PLAIN");
        SubscriberCertificate ended = server(TODAY.minusDays(2), TODAY.plusDays(164), CertificateStatus.ACTIVE);
        String renewal = refusal(() -> open(ended, "PLAIN", 1, false, List.of("www.demo-trading.hk"), RenewalCase.Delivery.CSR));
        assertTrue(renewal.contains("free re-issue within the subscription") && !renewal.contains("makes a new application"), renewal);

        RenewalCase k = RenewalCase.openReissue("RC-RI", ended, CATALOGUE, List.of("www.demo-trading.hk"), TODAY, "clerk1");
        assertTrue(k.reissue());
        assertEquals(List.of("www.demo-trading.hk"), k.approvedNames(), "the same approved names");
        assertEquals(RenewalCase.Delivery.CSR, k.delivery(), "a new CSR");
        assertTrue(refusal(() -> k.paid("PAY-X", "clerk1")).contains("no fee"));
        String early = refusal(() -> k.submitForVetting(false, "clerk1"));
        assertTrue(early.contains("identity") && !early.contains("payment") && !early.contains("documents"), early);
        k.identityConfirmed("clerk1");
        k.submitForVetting(false, "clerk1");
        k.approve("officer1", "");
        SubscriberCertificate reissued = k.renewedCertificate(ended, plain, "0S4", "Server CA", TODAY);
        assertEquals(TODAY.plusDays(164), reissued.subscriptionEnd(), "the subscription is unchanged");
        assertEquals(TODAY.plusDays(164), reissued.validTo(), "never past the subscription (fewer than 199 days left)");
        assertEquals(164, k.certificateDays(ended, plain, TODAY));

        assertTrue(refusal(() -> RenewalCase.openReissue("RC-RJ", server(TODAY.minusDays(2), TODAY.minusDays(1), CertificateStatus.ACTIVE),
                CATALOGUE, List.of("www.demo-trading.hk"), TODAY, "clerk1")).contains("subscription ended"));
        assertTrue(refusal(() -> RenewalCase.openReissue("RC-RK", server(TODAY.plusDays(100), TODAY.plusDays(200), CertificateStatus.ACTIVE),
                CATALOGUE, List.of("www.demo-trading.hk"), TODAY, "clerk1")).contains("re-issue is given from"));
        assertTrue(refusal(() -> RenewalCase.openReissue("RC-RL", server(TODAY.minusDays(2), TODAY.plusDays(100), CertificateStatus.REVOKED),
                CATALOGUE, List.of("www.demo-trading.hk"), TODAY, "clerk1")).contains("revoked"));
        assertTrue(refusal(() -> RenewalCase.openReissue("RC-RM", cert("PERSONAL", "STANDARD", TODAY.plusDays(5), CertificateStatus.ACTIVE, false),
                CATALOGUE, List.of("x"), TODAY, "clerk1")).contains("Only an e-Cert (Server)"));
    }

    @Test
    void rule5AeoiOnlyForAnExistingAeoiCertificate() {
        SubscriberCertificate plain = cert("ORGANISATIONAL", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> open(plain, "AEOI", 1, false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("new application"));
        SubscriberCertificate aeoi = cert("ORGANISATIONAL", "AEOI", TODAY.plusDays(20), CertificateStatus.ACTIVE, true);
        assertEquals("AEOI", open(aeoi, "AEOI", 1, false, List.of(), RenewalCase.Delivery.DISPATCH).variantCode());
        assertEquals("PLAIN", open(aeoi, "PLAIN", 1, false, List.of(), RenewalCase.Delivery.DISPATCH).variantCode(),
                "issue 29: AEOI may be dropped at renewal (the seed restricts only adding it)");
    }

    @Test
    void rule4AChangedArNeedsTheAuthorisationDocuments() {
        SubscriberCertificate org = cert("ORGANISATIONAL", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        var variant = CATALOGUE.type("ORGANISATIONAL").variant("PLAIN");
        assertTrue(open(org, "PLAIN", 1, true, List.of(), RenewalCase.Delivery.DISPATCH).requiredDocuments(variant)
                .contains("AR_AUTHORISATION_IF_CHANGED"));
        assertTrue(!open(org, "PLAIN", 1, false, List.of(), RenewalCase.Delivery.DISPATCH).requiredDocuments(variant)
                .contains("AR_AUTHORISATION_IF_CHANGED"));
    }

    @Test
    void rule7ServerNamesAreCheckedWhenTheCaseOpens() {
        SubscriberCertificate server = cert("SERVER", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> open(server, "PLAIN", 1, false, List.of(), RenewalCase.Delivery.CSR)).contains("Name the server"));
        assertTrue(refusal(() -> open(server, "PLAIN", 1, false, List.of("a.demo.hk", "b.demo.hk"), RenewalCase.Delivery.CSR))
                .contains("one server"));
        SubscriberCertificate wild = cert("SERVER", "WILDCARD", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> open(wild, "WILDCARD", 1, false, List.of("www.*.demo.hk"), RenewalCase.Delivery.CSR))
                .contains("left-most"));
        SubscriberCertificate multi = cert("SERVER", "MULTI_DOMAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> open(multi, "MULTI_DOMAIN", 1, false, List.of("*.demo.hk"), RenewalCase.Delivery.CSR))
                .contains("left-most"));
        assertEquals(RenewalCase.Delivery.CSR, open(server, "PLAIN", 1, false, List.of("WWW.demo.hk"), RenewalCase.Delivery.DISPATCH)
                .delivery());
    }

    @Test
    void referralTypesAreNotOpenedAtTheCounter() {
        SubscriberCertificate ha = cert("ORGANISATIONAL_ROLE", "HOSPITAL_AUTHORITY", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> open(ha, "HOSPITAL_AUTHORITY", 1, false, List.of(), RenewalCase.Delivery.DISPATCH)).contains("referral"));
    }

    @Test
    void aCaseIsCompleteAtTheCounterOnlyWithIdentityDocumentsAndFeeAndACaseSentBackWaitsForTheClerk() {
        RenewalCase k = open(cert("ORGANISATIONAL", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false), "PLAIN", 1, false,
                List.of(), RenewalCase.Delivery.DISPATCH);
        assertTrue(!k.completeAtTheCounter(true), "no identity check, no fee");
        k.identityConfirmed("clerk1");
        assertTrue(!k.completeAtTheCounter(true), "no fee");
        k.paid("PAY-1", "clerk1");
        assertTrue(!k.completeAtTheCounter(false), "no documents");
        assertTrue(k.completeAtTheCounter(true));
        k.submitForVetting(true, "clerk1");
        assertTrue(!k.completeAtTheCounter(true), "with HKPCA already");
        k.requestDocuments("officer1", "a clearer BR copy");
        assertTrue(!k.completeAtTheCounter(true), "sent back: the clerk sends it again when the documents are there");
    }

    @Test
    void theLanguageTheCustomerReadsIsRememberedOnTheCase() {
        RenewalCase k = open(cert("ORGANISATIONAL", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false), "PLAIN", 1, false,
                List.of(), RenewalCase.Delivery.DISPATCH);
        assertTrue(k.customerLanguage().isEmpty(), "not said: the screen's language is used");
        k.customerReads(hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage.ZH);
        assertEquals(hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage.ZH, k.customerLanguage().orElseThrow());
    }

    @Test
    void newServerNamesBeyondTheRenewedCertificatesNeedAnHkpcaOfficersApprovalStatedOnTheCase() {
        SubscriberCertificate multi = cert("SERVER", "MULTI_DOMAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        RenewalCase k = RenewalCase.open("RC-N", multi, CATALOGUE, "MULTI_DOMAIN", 1, false,
                List.of("shop.demo-trading.hk", "Pay.Demo-Trading.HK"), RenewalCase.Delivery.CSR, TODAY, Optional.empty(), "clerk1");
        List<String> beyond = k.namesBeyond(List.of("SHOP.demo-trading.hk"));
        assertEquals(List.of("pay.demo-trading.hk"), beyond, "compared as certificates carry names");
        k.identityConfirmed("clerk1");
        k.paid("PAY-N");
        k.submitForVetting(true);
        String refused = refusal(() -> k.approve("officer1", "ok", beyond, false));
        assertTrue(refused.contains("pay.demo-trading.hk") && refused.contains("Approve the new names"), refused);
        assertEquals(RenewalCase.State.VETTING, k.state());
        k.approve("officer1", "ok", beyond, true);
        assertEquals(RenewalCase.State.APPROVED, k.state());
        assertEquals("ok; new names approved: pay.demo-trading.hk", k.vettingNote());
        assertTrue(k.namesBeyond(List.of("shop.demo-trading.hk", "pay.demo-trading.hk")).isEmpty(), "the same names need nothing more");
    }

    @Test
    void theCaseMovesOnlyThroughItsStepsAndTheOpenerCannotVetIt() {
        RenewalCase k = open(cert("ORGANISATIONAL", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false), "PLAIN", 1, false,
                List.of(), RenewalCase.Delivery.DISPATCH);
        String missing = refusal(() -> k.submitForVetting(false));
        assertTrue(missing.contains("identity check") && missing.contains("payment") && missing.contains("documents"), missing);
        k.identityConfirmed("clerk1");
        k.paid("PAY-1");
        k.submitForVetting(true);
        assertEquals(RenewalCase.State.VETTING, k.state());
        assertTrue(refusal(() -> k.approve("clerk1", "")).contains("cannot vet"));
        k.requestDocuments("officer1", "a clearer BR copy");
        assertEquals(RenewalCase.State.MORE_DOCUMENTS, k.state());
        k.submitForVetting(true);
        k.approve("officer1", "ok");
        k.issued("ABCD");
        assertEquals(RenewalCase.State.ISSUED, k.state());
        assertTrue(refusal(() -> k.dispatched("PE-1", "RR123456785HK", "RR123456785HK")).contains("separate"));
        assertTrue(refusal(() -> k.dispatched("PE-1", "RR123456784HK", "RR000000014HK")).contains("check digit"));
        k.dispatched("PE-1", "RR123456785HK", "RR000000014HK");
        assertEquals(RenewalCase.State.COMPLETED, k.state());
    }

    @Test
    void s10CheckDigits() {
        assertEquals(5, ArticleNumber.checkDigit("12345678"));
        assertEquals("RR123456785HK", ArticleNumber.check("rr 1234 5678 5 hk"));
    }

    static RenewalCase tokenCase() {
        return RenewalCase.open("RC-T", cert("PERSONAL", "STANDARD", TODAY.plusDays(10), CertificateStatus.ACTIVE, false), CATALOGUE,
                "STANDARD", 3, false, List.of(), RenewalCase.Delivery.TOKEN_AT_COUNTER, TODAY, Optional.empty(), "clerk1", null, false);
    }

    @Test
    void aCertificateIsWrittenOntoAMediumOnlyForACaseIdentityCheckedPaidAndApprovedByAnotherPerson() {
        RenewalCase k = tokenCase();
        assertTrue(refusal(k::tokenWriteStarted).contains("is OPEN"), "an open case writes nothing");
        k.identityConfirmed("clerk1");
        k.paid("PAY-1", "clerk1");
        k.submitForVetting(true, "clerk1");
        assertTrue(refusal(k::tokenWriteStarted).contains("is VETTING"), "a case waiting for vetting writes nothing");
        k.approve("officer1", "ok");
        k.tokenWriteStarted();   // approved, identity-checked, paid: the door opens
        RenewalCase dispatch = open(cert("PERSONAL", "STANDARD", TODAY.plusDays(10), CertificateStatus.ACTIVE, false), "STANDARD", 3,
                false, List.of(), RenewalCase.Delivery.DISPATCH);
        dispatch.identityConfirmed("clerk1");
        dispatch.paid("PAY-2", "clerk1");
        dispatch.submitForVetting(true, "clerk1");
        dispatch.approve("officer1", "");
        assertTrue(refusal(dispatch::tokenWriteStarted).contains("not written at the counter"));
        // a case stored without its identity check or payment (e.g. altered in the database) is refused as well
        RenewalCase forged = new RenewalCase("RC-F", "0A1B", "PERSONAL", "STANDARD", 3, false, List.of(),
                RenewalCase.Delivery.TOKEN_AT_COUNTER, "clerk1", "ecert-file-usb", RenewalCase.State.APPROVED, null, null, null, null,
                "officer1", "", null, null, null, null);
        assertTrue(refusal(forged::tokenWriteStarted).contains("has not been identity-checked, paid and approved"));
    }

    @Test
    void theMediumComesFromTheCaseAndIsOneOfTheVariantsOwn() {
        assertEquals("ecert-file-usb", tokenCase().mediumProfile(), "the variant's own medium by default");
        SubscriberCertificate c = cert("PERSONAL", "STANDARD", TODAY.plusDays(10), CertificateStatus.ACTIVE, false);
        assertTrue(refusal(() -> RenewalCase.open("RC-M", c, CATALOGUE, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.TOKEN_AT_COUNTER,
                TODAY, Optional.empty(), "clerk1", "softhsm2", false)).contains("not softhsm2"), "the DEMO token only in demo mode");
        assertEquals("softhsm2", RenewalCase.open("RC-M", c, CATALOGUE, "STANDARD", 3, false, List.of(),
                RenewalCase.Delivery.TOKEN_AT_COUNTER, TODAY, Optional.empty(), "clerk1", "softhsm2", true).mediumProfile());
        assertTrue(refusal(() -> RenewalCase.open("RC-M", c, CATALOGUE, "STANDARD", 3, false, List.of(), RenewalCase.Delivery.TOKEN_AT_COUNTER,
                TODAY, Optional.empty(), "clerk1", "safenet-etoken", true)).contains("not safenet-etoken"));
    }

    @Test
    void whoeverHandledTheCaseAtTheCounterNeverVetsIt() {
        RenewalCase k = tokenCase();
        k.identityConfirmed("desk1");
        k.paid("PAY-1", "super1");
        k.submitForVetting(true, "clerk2");
        for (String handler : List.of("clerk1", "desk1", "super1", "clerk2")) {
            assertThrows(CaseRefusal.class, () -> k.approve(handler, ""), handler + " handled the case");
            assertThrows(CaseRefusal.class, () -> k.reject(handler, "no"), handler + " handled the case");
        }
        k.approve("officer1", "");
        assertEquals(RenewalCase.State.APPROVED, k.state());
    }

    static RenewalCase approved(SubscriberCertificate c, String variant, int years, RenewalCase.Delivery d, List<String> names) {
        RenewalCase k = RenewalCase.open("RC-R", c, CATALOGUE, variant, years, false, names, d, TODAY, Optional.empty(), "clerk1", null, true);
        k.identityConfirmed("clerk1");
        k.paid("PAY-R", "clerk1");
        k.submitForVetting(true, "clerk1");
        k.approve("officer1", "");
        return k;
    }

    @Test
    void rule2AMutualRecognitionRenewalIsIssuedForTheYearsPaidWithNoAnnualSubscriptionToLapse() {
        SubscriberCertificate mr = new SubscriberCertificate("0A1B", "SRN-P-7", "PERSONAL", "MR_SAFENET", "2-15", "TSANG HOI YAN",
                "H789***(0)", null, TODAY.minusYears(2), TODAY.plusDays(12), TODAY.plusDays(12), CertificateStatus.ACTIVE,
                "safenet token", null, false);
        RenewalCase k = approved(mr, "MR_SAFENET", 2, RenewalCase.Delivery.TOKEN_AT_COUNTER, List.of());
        SubscriberCertificate renewed = k.renewedCertificate(mr, CATALOGUE.type("PERSONAL").variant("MR_SAFENET"), "0C0D", "2-15", TODAY);
        assertEquals(null, renewed.subscriptionEnd(), "no subscription for the nightly check to suspend");
        assertEquals(TODAY.plusYears(2), renewed.validTo());
        assertEquals("safenet-etoken", renewed.medium(), "the medium the case named, not the old certificate's");
        SubscriberCertificate standard = cert("PERSONAL", "STANDARD", TODAY.plusDays(10), CertificateStatus.ACTIVE, false);
        SubscriberCertificate plain = approved(standard, "STANDARD", 3, RenewalCase.Delivery.DISPATCH, List.of())
                .renewedCertificate(standard, CATALOGUE.type("PERSONAL").variant("STANDARD"), "0C0E", "2-17", TODAY);
        assertEquals(TODAY.plusYears(1), plain.subscriptionEnd(), "e-Cert (Personal) Standard: a one-year subscription");
        assertEquals(TODAY.plusYears(3), plain.validTo());
    }

    @Test
    void rule6AMutualRecognitionCaseIsNeverPostedAsAFileAndThePostedMediumIsTheCasesOwn() {
        for (String mr : List.of("MR_SAFENET", "MR_FEITIAN")) {
            SubscriberCertificate c = cert("PERSONAL", mr, TODAY.plusDays(12), CertificateStatus.ACTIVE, false);
            String r = refusal(() -> open(c, mr, 1, false, List.of(), RenewalCase.Delivery.DISPATCH));
            assertTrue(r.contains("never posted as a PKCS#12 file") && r.contains(mr.substring(3)), r);
            RenewalCase onToken = RenewalCase.open("RC-T", c, CATALOGUE, mr, 1, false, List.of(), RenewalCase.Delivery.TOKEN_AT_COUNTER,
                    TODAY, Optional.empty(), "clerk1", null, false);
            assertEquals(mr.equals("MR_SAFENET") ? "safenet-etoken" : "feitian-epass", onToken.mediumProfile());
            assertTrue(refusal(() -> RenewalCase.open("RC-X", c, CATALOGUE, mr, 1, false, List.of(), RenewalCase.Delivery.TOKEN_AT_COUNTER,
                    TODAY, Optional.empty(), "clerk1", mr.equals("MR_SAFENET") ? "feitian-epass" : "safenet-etoken", false))
                    .contains("is written onto"), "the other brand's token is refused at opening");
        }
        // a Personal certificate once on an e-Cert File card and now posted: the medium is the posted USB file
        SubscriberCertificate onCard = new SubscriberCertificate("0A1C", "SRN-P-8", "PERSONAL", "STANDARD", "2-17", "CHAN TAI MAN",
                "A123***(3)", null, TODAY.minusYears(3), TODAY.plusDays(10), TODAY.plusDays(10), CertificateStatus.ACTIVE,
                "E_CERT_FILE_CARD", null, false);
        RenewalCase posted = approved(onCard, "STANDARD", 3, RenewalCase.Delivery.DISPATCH, List.of());
        assertEquals("ecert-file-usb", posted.mediumProfile());
        assertEquals("ecert-file-usb", posted.renewedCertificate(onCard, CATALOGUE.type("PERSONAL").variant("STANDARD"), "0C0F", "2-17",
                TODAY).medium(), "recorded from the case, not copied from the old certificate");
    }

    @Test
    void rule5AeoiSurvivesEveryDeliverySoTheNextRenewalIsStillARenewal() {
        SubscriberCertificate aeoi = cert("ORGANISATIONAL", "AEOI", TODAY.plusDays(20), CertificateStatus.ACTIVE, true);
        for (RenewalCase.Delivery d : List.of(RenewalCase.Delivery.DISPATCH, RenewalCase.Delivery.TOKEN_AT_COUNTER)) {
            SubscriberCertificate renewed = approved(aeoi, "AEOI", 1, d, List.of())
                    .renewedCertificate(aeoi, CATALOGUE.type("ORGANISATIONAL").variant("AEOI"), "0C0F", "2-17", TODAY);
            assertTrue(renewed.aeoi(), "AEOI kept when delivered by " + d);
            RenewalCase next = RenewalCase.open("RC-N", renewed, CATALOGUE, "AEOI", 1, false, List.of(), RenewalCase.Delivery.DISPATCH,
                    renewed.validTo().minusDays(10), Optional.empty(), "clerk1");
            assertEquals("AEOI", next.variantCode(), "its next renewal is a renewal with AEOI, not a new application");
        }
    }

    @Test
    void rule1AServerCertificateLivesAtMost199DaysWhateverTheTerm() {
        SubscriberCertificate server = cert("SERVER", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        RenewalCase k = approved(server, "PLAIN", 1, RenewalCase.Delivery.CSR, List.of("www.demo-trading.hk"));
        SubscriberCertificate renewed = k.renewedCertificate(server, CATALOGUE.type("SERVER").variant("PLAIN"), "0C10", "server", TODAY);
        assertEquals(TODAY.plusDays(199), renewed.validTo());
    }

    @Test
    void rule10ARegisteredMailArticleNumberHasTheRegisteredPrefixAndItsCheckDigit() {
        assertEquals("RR123456785HK", ArticleNumber.check("rr 123 456 785 hk"));
        assertTrue(refusal(() -> ArticleNumber.check("EE123456785HK")).contains("not a registered-mail number"), "EMS is not registered mail");
        assertTrue(refusal(() -> ArticleNumber.check("CP123456785HK")).contains("not a registered-mail number"));
        assertTrue(refusal(() -> ArticleNumber.check("RR123456784HK")).contains("check digit"));
    }

    @Test
    void rule7AServerNameUnderTheHongKongIdnDomainIsAccepted() {
        SubscriberCertificate server = cert("SERVER", "PLAIN", TODAY.plusDays(20), CertificateStatus.ACTIVE, false);
        RenewalCase k = open(server, "PLAIN", 1, false, List.of("www.郵政.香港"), RenewalCase.Delivery.CSR);
        String name = k.approvedNames().get(0);
        assertTrue(name.startsWith("www.xn--") && name.endsWith(".xn--j6w193g"), "kept in the ASCII form certificates carry: " + name);
        assertEquals("www.郵政.香港", java.net.IDN.toUnicode(name));
        assertEquals(List.of("shop.xn--j6w193g"), open(server, "PLAIN", 1, false, List.of("shop.xn--j6w193g"), RenewalCase.Delivery.CSR)
                .approvedNames());
    }

    @Test
    void rule4TheArIsTheOneOnRecordExactlyAndAnHkidShownPassesItsCheckDigit() {
        SubscriberCertificate org = new SubscriberCertificate("0A1B", "SRN-O-9", "ORGANISATIONAL", "PLAIN", "2-17", "DEMO TRADING LIMITED",
                null, "12345678", TODAY.minusYears(1), TODAY.plusDays(20), null, CertificateStatus.ACTIVE, "ecert-file-usb",
                "CHAN TAI MAN", false);
        assertEquals("A123***(*)", RenewalCase.checkAuthorisedRepresentative(org, false, "  chan   tai man ", "A123456(3)"),
                "case and spaces set aside; the HKID masked");
        assertTrue(refusal(() -> RenewalCase.checkAuthorisedRepresentative(org, false, "CHAN", "A123456(3)"))
                .contains("not the Authorised Representative on record"), "a name that only begins the same way is someone else");
        assertTrue(refusal(() -> RenewalCase.checkAuthorisedRepresentative(org, false, "CHAN TAI MAN JUNIOR", "A123456(3)"))
                .contains("not the Authorised Representative on record"));
        assertTrue(refusal(() -> RenewalCase.checkAuthorisedRepresentative(org, false, "Chan Tai Man", "A1234567"))
                .contains("check digit"), "the AR's HKID is checked like the subscriber's");
        assertEquals("K012***", RenewalCase.checkAuthorisedRepresentative(org, false, "Chan Tai Man", "K01234567"), "a passport number");
        assertEquals("C123***(*)", RenewalCase.checkAuthorisedRepresentative(org, true, "Ng Wai Man", "C123456(9)"),
                "a new AR, when the case says the AR changed");
    }

    @Test
    void rule8APersonalIdentityIsTheCardsNumberTheCertificatesNameAndTheHoldersDateOfBirth() {
        SubscriberCertificate c = new SubscriberCertificate("0A1B", "SRN-P-7", "PERSONAL", "STANDARD", "2-17", "CHAN TAI MAN",
                "A123***(3)", null, TODAY.minusYears(2), TODAY.plusDays(12), TODAY.plusDays(12), CertificateStatus.ACTIVE,
                "file", null, false);
        java.time.LocalDate born = java.time.LocalDate.of(1980, 5, 1);
        java.util.function.Predicate<hk.post.ecert.counter.domain.model.identity.Hkid> issuedTo = h -> h.full().equals("A123456(3)");
        java.util.function.Function<java.time.LocalDate, java.util.Optional<Boolean>> onRecord = d -> java.util.Optional.of(d.equals(born));
        RenewalCase.PersonalIdentity ok = RenewalCase.checkPersonalIdentity(c, "a123456 3", " chan  tai man ", born, issuedTo, onRecord);
        assertEquals("A123***(*)", ok.hkid().masked());
        assertTrue(ok.dateOfBirthOnRecord());
        assertThrows(CaseRefusal.class, () -> RenewalCase.checkPersonalIdentity(c, "A123456(4)", "CHAN TAI MAN", born, issuedTo, onRecord),
                "a check digit that fails");
        assertThrows(CaseRefusal.class, () -> RenewalCase.checkPersonalIdentity(c, "G123456(A)", "CHAN TAI MAN", born, issuedTo, onRecord),
                "another person's card");
        assertThrows(CaseRefusal.class, () -> RenewalCase.checkPersonalIdentity(c, "A123456(3)", "CHAN TAI", born, issuedTo, onRecord),
                "a name that merely begins the same way");
        assertThrows(CaseRefusal.class, () -> RenewalCase.checkPersonalIdentity(c, "A123456(3)", "CHAN TAI MAN", null, issuedTo, onRecord));
        assertThrows(CaseRefusal.class, () -> RenewalCase.checkPersonalIdentity(c, "A123456(3)", "CHAN TAI MAN", born.plusDays(1),
                issuedTo, onRecord), "not the holder's date of birth");
        assertFalse(RenewalCase.checkPersonalIdentity(c, "A123456(3)", "CHAN TAI MAN", born, issuedTo, d -> java.util.Optional.empty())
                .dateOfBirthOnRecord(), "none on record: the form is the only check");
    }
}
