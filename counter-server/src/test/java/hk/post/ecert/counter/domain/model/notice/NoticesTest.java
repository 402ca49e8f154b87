package hk.post.ecert.counter.domain.model.notice;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.kiosk.KioskAnswers;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 30: every notice in both languages, the subscriber's first, in text and HTML, with nothing a finder could misuse. */
class NoticesTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final Catalogue CATALOGUE = Catalogue.loadDefault();

    static List<Notice> everyKind(ReceiptLanguage lang) {
        var personal = CATALOGUE.type("PERSONAL");
        return List.of(
                Notices.subscriptionExpiry("chan.tai.man@demo.example", lang, "SRN-P-000001", DAY.plusDays(20), "HK$48.00"),
                Notices.renewalReminder("wong@demo.example", lang, "SRN-P-000002", personal.name(), DAY.plusDays(10), DAY.minusDays(11),
                        KioskAnswers.toBring(personal.variant("STANDARD"))),
                Notices.csrRequest("ar@demo-trading.hk", lang, "RC-20261206-ABC123", List.of("www.demo-trading.hk"),
                        "https://counter.example/csr.xhtml?t=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE", DAY.plusDays(30)),
                Notices.certificateIssued("ar@demo-trading.hk", lang, "RC-20261206-ABC123", List.of("www.demo-trading.hk"), DAY.plusDays(199),
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
                Notices.dispatch("lee@demo.example", lang, "RC-20261206-DEF456", personal.name(), "e-Cert File Card", "RR123456785HK"),
                Notices.collection("tsang@demo.example", lang, "RC-20261206-GHI789", personal.name(),
                        new Bilingual("General Post Office", "郵政總局"), "SAFENET e-Cert Token"));
    }

    @Test
    void everyNoticeIsInBothLanguagesTheSubscribersFirstInTextAndHtml() {
        for (ReceiptLanguage lang : ReceiptLanguage.values()) {
            for (Notice n : everyKind(lang)) {
                assertTrue(n.text().chars().anyMatch(ch -> ch >= 0x4e00 && ch <= 0x9fff), n.kind() + " has Chinese: " + n.text());
                assertTrue(n.text().contains("Hongkong Post") && n.text().contains("香港郵政"), n.kind() + ": " + n.text());
                boolean chineseFirst = n.text().indexOf("香港") < n.text().indexOf("Hongkong Post");
                assertEquals(lang == ReceiptLanguage.ZH, chineseFirst, n.kind() + " in " + lang + ": the subscriber's language first");
                assertTrue(n.html().contains("lang=\"zh-HK\"") && n.html().contains("lang=\"en\""), n.kind() + ": " + n.html());
                assertTrue(n.subject().contains(" / "), n.subject());
                // nothing a finder could misuse: no HKID, date of birth or PIN
                assertFalse(n.text().matches("(?s).*\\b[A-Z]{1,2}\\d{6}\\(?[0-9A]\\)?(?![0-9A-Z]).*"), n.kind() + " carries an HKID: " + n.text());
                assertFalse(n.text().toLowerCase().matches("(?s).*(date of birth|pin is|pin:).*"), n.kind() + ": " + n.text());
            }
        }
    }

    @Test
    void theCsrRequestCarriesTheApprovedNamesAndTheOneTimeLinkAsALink() {
        Notice n = everyKind(ReceiptLanguage.EN).get(2);
        assertTrue(n.text().contains("www.demo-trading.hk") && n.text().contains("csr.xhtml?t="), n.text());
        assertTrue(n.html().contains("<a href=\"https://counter.example/csr.xhtml?t="), n.html());
        assertTrue(n.text().contains("can be used once"), n.text());
    }

    @Test
    void oneEventToOneRecipientIsOneNoticeWhateverTheCase() {
        Notice a = Notices.dispatch("Lee@Demo.example", ReceiptLanguage.EN, "RC-1", CATALOGUE.type("PERSONAL").name(), "e-Cert File USB", "RR123456785HK");
        Notice b = Notices.dispatch("lee@demo.example", ReceiptLanguage.ZH, "RC-1", CATALOGUE.type("PERSONAL").name(), "e-Cert File USB", "RR123456785HK");
        assertEquals(a.id(), b.id(), "the same event to the same address");
        Notice other = Notices.dispatch("ho@demo.example", ReceiptLanguage.EN, "RC-1", CATALOGUE.type("PERSONAL").name(), "e-Cert File USB", "RR123456785HK");
        assertNotEquals(a.id(), other.id());
        assertThrows(IllegalArgumentException.class, () -> Notices.dispatch("not an address", ReceiptLanguage.EN, "RC-1",
                CATALOGUE.type("PERSONAL").name(), "e-Cert File USB", "RR123456785HK"));
        assertThrows(IllegalArgumentException.class, () -> Notices.dispatch("a@b.hk\r\nBcc: x@y.hk", ReceiptLanguage.EN, "RC-1",
                CATALOGUE.type("PERSONAL").name(), "e-Cert File USB", "RR123456785HK"), "no header injection through the address");
    }

    @Test
    void aRefusalIsTriedAgainWithGrowingWaitsAndGivenUpAfterTheLastOrAtOnceWhenFinal() {
        java.time.Duration unit = java.time.Duration.ofMinutes(1);
        assertEquals(java.time.Duration.ofMinutes(1), Delivery.retryAfter(1, false, unit).orElseThrow());
        assertEquals(java.time.Duration.ofMinutes(5), Delivery.retryAfter(2, false, unit).orElseThrow());
        assertEquals(java.time.Duration.ofHours(12), Delivery.retryAfter(6, false, unit).orElseThrow());
        assertTrue(Delivery.retryAfter(Delivery.MAX_ATTEMPTS, false, unit).isEmpty());
        assertTrue(Delivery.retryAfter(1, true, unit).isEmpty(), "an SMTP 5xx answer is final");
    }
}
