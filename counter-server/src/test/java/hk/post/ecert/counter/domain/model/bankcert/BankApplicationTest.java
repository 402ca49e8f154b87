package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.forms.render.FormDefinition;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankApplicationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LicensedBank BANK = new LicensedBank("901", new Bilingual("DEMO FIRST BANK", "示範第一銀行"), "90100001", "1 DEMO ROAD", true);
    static final LicensedBank FORMER = new LicensedBank("909", new Bilingual("DEMO FORMER BANK", "示範前銀行"), "90900009", "9 DEMO LANE", false);
    static final ArIdentity CURRENT_AR = ArIdentity.of("HKID", "C123456(9)");
    static final ArIdentity NEW_AR = ArIdentity.of("HKID", "D234567(7)");
    static final SubscriberCertificate CERT = cert("a1b2c3", TODAY.plusDays(30), CertificateStatus.ACTIVE);
    static final List<ArAuthentication> HISTORY = List.of(new ArAuthentication("AR-1", "901", "CHEUNG MEI LING",
            ArIdentity.DocumentType.HKID, CURRENT_AR.masked(), digest(CURRENT_AR), "officer1",
            Instant.parse("2025-11-20T02:00:00Z"), "BC-OLD"));

    static SubscriberCertificate cert(String serial, LocalDate validTo, CertificateStatus status) {
        return new SubscriberCertificate(serial, "SRN-B-000001", "BANK_CERT_BANK", "NEW_ONLY", "2-15", "DEMO FIRST BANK", null,
                "90100001", validTo.minusYears(1), validTo, null, status, "FILE", "CHEUNG MEI LING", false);
    }

    static String digest(ArIdentity id) {
        return "digest:" + id.normalised();
    }

    static BankApplication.Sections renewal(String authorisation) {
        return new BankApplication.Sections("Cheung Mei Ling", "Vice President", "2123 4567", "ar@demo-first.example", null, null,
                null, "a1b2c3", 2, authorisation);
    }

    static BankApplication.Sections newOnly() {
        return new BankApplication.Sections("Cheung Mei Ling", "Vice President", "2123 4567", null, "Payments Unit",
                "payments@demo-first.example", 3, null, null, null);
    }

    static BankApplication receive(BankApplicationType type, BankApplication.Channel channel, BankApplication.Sections s, ArIdentity ar) {
        return receive(BANK, type, channel, s, ar, List.of(CERT));
    }

    static BankApplication receive(LicensedBank bank, BankApplicationType type, BankApplication.Channel channel, BankApplication.Sections s,
                                   ArIdentity ar, List<SubscriberCertificate> certs) {
        return BankApplication.receive("BC-1", bank, type, channel, s, ar, digest(ar), certs, HISTORY, TODAY, "desk1");
    }

    static void refused(String why, Executable e) {
        CaseRefusal r = assertThrows(CaseRefusal.class, e);
        assertTrue(r.bilingual().en().contains(why), r.bilingual().en());
        assertFalse(r.bilingual().zh().isBlank());
    }

    @Test
    void eachApplicationTypeFillsTheSectionsOfCpos798fbNote5() {
        assertEquals(Set.of("A", "B", "C"), BankApplicationType.NEW_ONLY.sections());
        assertEquals(Set.of("A", "B", "C", "D"), BankApplicationType.NEW_AND_RENEWAL.sections());
        assertEquals(Set.of("A", "B", "D"), BankApplicationType.RENEWAL_AR_UNCHANGED.sections());
        assertTrue(BankApplicationType.RENEWAL_AR_CHANGED.sections().containsAll(Set.of("A", "B", "D")));
        assertFalse(BankApplicationType.RENEWAL_AR_CHANGED.sections().contains("C"));
        // the rendered form carries the type's sections only
        assertFalse(FormDefinition.bank(BankApplicationType.RENEWAL_AR_UNCHANGED).fieldNames().contains("unit_name"));
        assertTrue(FormDefinition.bank(BankApplicationType.NEW_ONLY).fieldNames().contains("unit_name"));
        assertFalse(FormDefinition.bank(BankApplicationType.NEW_ONLY).fieldNames().contains("renew_serial"));

        BankApplication a = receive(BankApplicationType.NEW_ONLY, BankApplication.Channel.IN_PERSON, newOnly(), CURRENT_AR);
        assertTrue(a.formValues(BANK, new Bilingual("New", "新")).containsKey("unit_name"));
        assertFalse(a.formValues(BANK, new Bilingual("New", "新")).containsKey("renew_serial"));
        assertEquals("HKID " + CURRENT_AR.masked(), a.formValues(BANK, new Bilingual("New", "新")).get("ar_id"), "the AR's number masked");
    }

    @Test
    void sectionsAreRequiredOrRefusedByTheApplicationType() {
        BankApplication.Sections noUnit = new BankApplication.Sections("Cheung Mei Ling", "VP", "2123 4567", null, null,
                "payments@demo-first.example", 1, null, null, null);
        refused("Section C: enter the Authorised Unit", () -> receive(BankApplicationType.NEW_ONLY, BankApplication.Channel.IN_PERSON, noUnit, CURRENT_AR));
        refused("Section C is for a new certificate", () -> receive(BankApplicationType.RENEWAL_AR_UNCHANGED, BankApplication.Channel.IN_PERSON,
                newOnly(), CURRENT_AR));
        refused("Section D is for a renewal", () -> receive(BankApplicationType.NEW_ONLY, BankApplication.Channel.IN_PERSON,
                new BankApplication.Sections("A", "B", "1", null, "U", "u@x.example", 1, "a1b2c3", 1, null), CURRENT_AR));
        BankApplication.Sections fourYears = new BankApplication.Sections("Cheung Mei Ling", "VP", "2123 4567", null, null, null,
                null, "a1b2c3", 4, null);
        refused("valid for 1, 2 or 3 years", () -> receive(BankApplicationType.RENEWAL_AR_UNCHANGED, BankApplication.Channel.IN_PERSON,
                fourYears, CURRENT_AR));
        BankApplication.Sections noContact = new BankApplication.Sections("Cheung Mei Ling", "VP", null, null, null, null,
                null, "a1b2c3", 1, null);
        refused("phone or e-mail", () -> receive(BankApplicationType.RENEWAL_AR_UNCHANGED, BankApplication.Channel.IN_PERSON, noContact, CURRENT_AR));
        BankApplication both = receive(BANK, BankApplicationType.NEW_AND_RENEWAL, BankApplication.Channel.IN_PERSON,
                new BankApplication.Sections("Cheung Mei Ling", "VP", "2123 4567", null, "Payments Unit", "p@demo-first.example", 1,
                        "a1b2c3", 3, null), CURRENT_AR, List.of(CERT));
        assertEquals(BankApplication.State.RECEIVED, both.state());
    }

    @Test
    void theRenewedCertificateMustBeThisBanksAndStillRenewable() {
        refused("is not a Bank-Cert (Bank) certificate of DEMO FIRST BANK", () -> receive(BANK, BankApplicationType.RENEWAL_AR_UNCHANGED,
                BankApplication.Channel.IN_PERSON, renewal(null), CURRENT_AR, List.of()));
        refused("expired", () -> receive(BANK, BankApplicationType.RENEWAL_AR_UNCHANGED, BankApplication.Channel.IN_PERSON,
                renewal(null), CURRENT_AR, List.of(cert("a1b2c3", TODAY.minusDays(1), CertificateStatus.ACTIVE))));
        refused("revoked", () -> receive(BANK, BankApplicationType.RENEWAL_AR_UNCHANGED, BankApplication.Channel.IN_PERSON,
                renewal(null), CURRENT_AR, List.of(cert("a1b2c3", TODAY.plusDays(30), CertificateStatus.REVOKED))));
        refused("no longer on the list of Licensed Banks", () -> receive(FORMER, BankApplicationType.NEW_ONLY,
                BankApplication.Channel.IN_PERSON, newOnly(), CURRENT_AR, List.of()));
    }

    @Test
    void arUnchangedMeansTheArLastAuthenticatedAndArChangedNeedsTheNewArsAuthorisation() {
        refused("choose “Renewal only, AR changed”", () -> receive(BankApplicationType.RENEWAL_AR_UNCHANGED,
                BankApplication.Channel.IN_PERSON, renewal(null), NEW_AR));
        refused("choose “Renewal only, AR unchanged”", () -> receive(BankApplicationType.RENEWAL_AR_CHANGED,
                BankApplication.Channel.IN_PERSON, renewal("BR-2026-11"), CURRENT_AR));
        refused("authorisation of the new AR", () -> receive(BankApplicationType.RENEWAL_AR_CHANGED,
                BankApplication.Channel.IN_PERSON, renewal(" "), NEW_AR));
        BankApplication a = receive(BankApplicationType.RENEWAL_AR_CHANGED, BankApplication.Channel.IN_PERSON, renewal("BR-2026-11"), NEW_AR);
        assertEquals("BR-2026-11", a.sections().newArAuthorisation(), "the new AR's authorisation reference is kept on the application");
        Map<String, String> form = a.formValues(BANK, new Bilingual("x", "x"));
        assertFalse(form.containsKey("new_ar_authorisation"), "not an invented section E of CPos 798FB");
        assertTrue(FormDefinition.bank(BankApplicationType.RENEWAL_AR_CHANGED).fieldNames().containsAll(form.keySet()),
                "every value pre-filled has its field on the form: " + form.keySet());
    }

    @Test
    void aRenewalMayComeByPostOnlyFromAnArAuthenticatedInAnEarlierApplicationOfTheSameBank() {
        PostalRenewalRule.Decision ok = PostalRenewalRule.decide(BankApplicationType.RENEWAL_AR_UNCHANGED, "901", digest(CURRENT_AR), HISTORY);
        assertTrue(ok.acceptable(), ok.reason().en());
        assertTrue(ok.reason().en().contains("CHEUNG MEI LING") && ok.reason().en().contains("BC-OLD"), ok.reason().en());
        assertFalse(PostalRenewalRule.decide(BankApplicationType.NEW_ONLY, "901", digest(CURRENT_AR), HISTORY).acceptable(),
                "a new application is made in person");
        assertFalse(PostalRenewalRule.decide(BankApplicationType.NEW_AND_RENEWAL, "901", digest(CURRENT_AR), HISTORY).acceptable());
        assertFalse(PostalRenewalRule.decide(BankApplicationType.RENEWAL_AR_CHANGED, "901", digest(NEW_AR), HISTORY).acceptable(),
                "a new AR has not been authenticated for this bank");
        assertFalse(PostalRenewalRule.decide(BankApplicationType.RENEWAL_AR_UNCHANGED, "902", digest(CURRENT_AR), HISTORY).acceptable(),
                "an authentication for another bank does not count");

        BankApplication byPost = receive(BankApplicationType.RENEWAL_AR_UNCHANGED, BankApplication.Channel.BY_POST, renewal(null), CURRENT_AR);
        assertEquals("AR-1", byPost.authId(), "the earlier authentication stands for the postal renewal");
        refused("submitted in person", () -> receive(BankApplicationType.RENEWAL_AR_CHANGED, BankApplication.Channel.BY_POST,
                renewal("BR-2026-11"), NEW_AR));
        refused("new application is submitted in person", () -> receive(BankApplicationType.NEW_ONLY, BankApplication.Channel.BY_POST,
                newOnly(), CURRENT_AR));
    }

    @Test
    void vettingNeedsAuthenticationDocumentsAndFeeAndAnotherOfficer() {
        BankApplication a = receive(BankApplicationType.RENEWAL_AR_CHANGED, BankApplication.Channel.IN_PERSON, renewal("BR-2026-11"), NEW_AR);
        refused("the AR's face-to-face authentication; the Annex 2 documents; the fee", () -> a.submit(false));
        refused("not the one on the form", () -> a.authenticated("AR-2", digest(CURRENT_AR)));
        a.authenticated("AR-2", digest(NEW_AR));
        a.paid("PAY-1");
        refused("the Annex 2 documents", () -> a.submit(false));
        a.submit(true);
        assertEquals(BankApplication.State.SUBMITTED, a.state());
        refused("another HKPCA officer vets it", () -> a.issued("desk1", "01", "02", null));
        refused("reasons", () -> a.rejected("officer1", " "));
        a.issued("officer1", null, "abc", "ok");
        assertEquals(BankApplication.State.ISSUED, a.state());
        a.dispatched("RR123456785HK");
        assertEquals(BankApplication.State.COMPLETED, a.state());
        refused("paid already", () -> a.paid("PAY-2"));
    }

    @Test
    void aRevocationNeedsAMonthsNoticeAndTheArsFinalConfirmation() {
        refused("no less than one month's notice", () -> RevocationRequest.receive("RV-1", "901", "a1b2c3", "Cheung Mei Ling", TODAY,
                TODAY.plusDays(29), "merger", "desk1", TODAY));
        refused("today or earlier", () -> RevocationRequest.receive("RV-1", "901", "a1b2c3", "Cheung Mei Ling", TODAY.plusDays(1),
                TODAY.plusMonths(2), "merger", "desk1", TODAY));
        refused("Only the bank's AR", () -> RevocationRequest.receive("RV-1", "901", "a1b2c3", " ", TODAY, TODAY.plusMonths(1),
                "merger", "desk1", TODAY));
        RevocationRequest r = RevocationRequest.receive("RV-1", "901", "a1b2c3", "Cheung Mei Ling", TODAY, TODAY.plusMonths(1),
                "merger", "desk1", TODAY);
        assertEquals(LocalDate.of(2026, 12, 25), r.revokeOn());
        refused("notice period runs until 2026-12-25", () -> r.confirmed("officer1", TODAY.plusDays(20)));
        RevocationRequest done = r.confirmed("officer1", TODAY.plusMonths(1));
        assertEquals(RevocationRequest.State.REVOKED, done.state());
        refused("is REVOKED", () -> done.withdrawn("officer1"));
        assertEquals(RevocationRequest.State.WITHDRAWN, r.withdrawn("officer1").state());
    }

    @Test
    void theArsDocumentNumberIsCheckedAndKeptMasked() {
        refused("check digit", () -> ArIdentity.of("HKID", "C123456(0)"));
        refused("passport number", () -> ArIdentity.of("PASSPORT", "K1"));
        assertFalse(CURRENT_AR.masked().contains("123456"), CURRENT_AR.masked());
        ArIdentity p = ArIdentity.of("passport", "k01234567");
        assertEquals("K0*****67", p.masked());
    }
}
