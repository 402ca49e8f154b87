package hk.post.ecert.counter.domain.model.kiosk;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.Reinstatement;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 29: what the kiosk tells a customer, type × state → the answer, in both languages, read as a customer who
 * knows nothing of the system: never worded for staff, never "due" when renewing would give months away.
 */
class KioskAnswersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Catalogue CATALOGUE = Catalogue.loadDefault();

    static KioskAnswers.Facts facts(String type, String variant, LocalDate validTo, LocalDate subscriptionEnd, CertificateStatus status,
                                    int extensionYears, String fee, Optional<Bilingual> notPreparable) {
        CertificateType t = CATALOGUE.type(type);
        Variant v = t.variant(variant);
        SubscriberCertificate c = new SubscriberCertificate("0A", "SRN-X", type, variant, v.issuingCa(), "DEMO", null, null,
                validTo.minusYears(2), validTo, subscriptionEnd, status, "ecert-file-usb", null, false);
        return new KioskAnswers.Facts(t, v, c, CATALOGUE.renewalWindowFor(type, validTo, TODAY, Optional.empty()), TODAY,
                extensionYears, fee, notPreparable);
    }

    /** A Personal certificate suspended three days ago because its subscription lapsed. */
    static KioskAnswers.Facts lapsed(Optional<Integer> graceDays, int extensionYears, String fee) {
        KioskAnswers.Facts f = facts("PERSONAL", "STANDARD", TODAY.plusYears(1), TODAY.minusDays(3), CertificateStatus.SUSPENDED,
                extensionYears, fee, Optional.empty());
        return new KioskAnswers.Facts(f.type(), f.variant(), f.cert(), f.window(), f.today(), f.extensionYears(), f.extensionFee(),
                f.notPreparable(), new Reinstatement(true, graceDays, Optional.empty()));
    }

    static Stream<Arguments> table() {
        Optional<Bilingual> ok = Optional.empty();
        return Stream.of(
                Arguments.of("Personal, subscription to extend", facts("PERSONAL", "STANDARD", TODAY.plusYears(2), TODAY.plusDays(20),
                        CertificateStatus.ACTIVE, 1, "HK$48.00", ok), "extend your subscription here by one year: HK$48.00", "延長登記期一年"),
                Arguments.of("Personal, in its 21-day window", facts("PERSONAL", "STANDARD", TODAY.plusDays(10), TODAY.plusDays(10),
                        CertificateStatus.ACTIVE, 0, "", ok), "You can renew now", "請在此取票"),
                Arguments.of("Personal, too early", facts("PERSONAL", "STANDARD", TODAY.plusMonths(3), TODAY.plusMonths(3),
                        CertificateStatus.ACTIVE, 0, "", ok), "Nothing to do yet. You can renew from", "現時毋須辦理"),
                Arguments.of("Personal, suspended", facts("PERSONAL", "STANDARD", TODAY.plusYears(1), TODAY.minusDays(3),
                        CertificateStatus.SUSPENDED, 0, "", ok), "is suspended", "已暫停"),
                Arguments.of("Personal, suspended for a lapse, within the grace period", lapsed(Optional.of(30), 1, "HK$48.00"),
                        "reinstate it here by paying one year's subscription: HK$48.00", "恢復證書"),
                Arguments.of("Personal, suspended for a lapse, grace period over", lapsed(Optional.of(1), 0, ""),
                        "ask at the counter whether it can still be reinstated", "可否繳付登記費恢復證書"),
                Arguments.of("Personal, revoked", facts("PERSONAL", "STANDARD", TODAY.plusYears(1), TODAY.plusYears(1),
                        CertificateStatus.REVOKED, 0, "", ok), "was revoked", "已被撤銷"),
                Arguments.of("Personal, expired", facts("PERSONAL", "STANDARD", TODAY.minusDays(1), TODAY.minusDays(1),
                        CertificateStatus.ACTIVE, 0, "", ok), "expired on " + TODAY.minusDays(1), "到期"),
                Arguments.of("Organisational, 8 months left", facts("ORGANISATIONAL", "PLAIN", TODAY.plusMonths(8), null,
                        CertificateStatus.ACTIVE, 0, "", ok), "8 months left on this one would be given up", "8 個月將會作廢"),
                Arguments.of("Organisational, its last month", facts("ORGANISATIONAL", "PLAIN", TODAY.plusDays(20), null,
                        CertificateStatus.ACTIVE, 0, "", ok), "You can renew now", "你現在可以續期"),
                Arguments.of("AEOI, fee not published", facts("ORGANISATIONAL", "AEOI", TODAY.plusDays(20), null, CertificateStatus.ACTIVE,
                        0, "", Optional.of(new Bilingual("Please ask at the counter: the fee for this renewal is not yet published.",
                                "請到櫃位查詢：此續期的費用尚未公布。"))), "fee for this renewal is not yet published", "費用尚未公布"),
                Arguments.of("Server, 199 days over, subscription runs", facts("SERVER", "PLAIN", TODAY.minusDays(3), TODAY.plusDays(160),
                        CertificateStatus.ACTIVE, 0, "", ok), "re-issued free within your subscription", "免費重新簽發"),
                Arguments.of("Bank-Cert (Bank)", facts("BANK_CERT_BANK", "RENEWAL_AR_UNCHANGED", TODAY.plusDays(20), null,
                        CertificateStatus.ACTIVE, 0, "", ok), "in person at Hongkong Post Certification Authority", "CPos 798FB"),
                Arguments.of("a referral type", facts("IAM_SMART_CERT", "STANDARD", TODAY.plusDays(20), null, CertificateStatus.ACTIVE,
                        0, "", ok), "not renewed at the post office", "不在郵政局續期"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachTypeAndStateHasItsAnswerInBothLanguages(String row, KioskAnswers.Facts f, String en, String zh) {
        Bilingual a = KioskAnswers.next(f);
        assertTrue(a.en().contains(en), row + ": " + a.en());
        assertTrue(a.zh().contains(zh), row + ": " + a.zh());
        for (String staff : List.of("Advise the customer", "Renewal cases", "→", "clerk should", "open a free re-issue", "due for renewal")) {
            assertFalse(a.en().contains(staff), row + " is worded for staff: " + a.en());
        }
        assertFalse(a.en().contains("window opens") && a.en().contains("cannot be renewed"), row + " contradicts itself: " + a.en());
    }

    @Test
    void anOrganisationBringsItsChoppedFormBrCopyAndTheArsAuthorisationWhenChanged() {
        List<Bilingual> bring = KioskAnswers.toBring(CATALOGUE.type("ORGANISATIONAL").variant("PLAIN"));
        String all = bring.stream().map(Bilingual::en).reduce("", String::concat);
        assertTrue(all.contains("chopped") && all.contains("Business Registration") && all.contains("Authorised Representative has changed"), all);
        String personal = KioskAnswers.toBring(CATALOGUE.type("PERSONAL").variant("STANDARD")).stream().map(Bilingual::en).reduce("", String::concat);
        assertTrue(personal.contains("HKID card") && personal.contains("CPos 798A"), personal);
    }
}
