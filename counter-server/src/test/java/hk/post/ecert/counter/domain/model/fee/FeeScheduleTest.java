package hk.post.ecert.counter.domain.model.fee;

import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published fees of {@code catalogue.md}, and the unpublished ones refusing to quote. */
class FeeScheduleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final Catalogue catalogue = Catalogue.loadDefault();
    private final FeeSchedule fees = FeeSchedule.loadDefault();

    private Variant variant(String type, String variant) {
        return catalogue.type(type).variant(variant);
    }

    @ParameterizedTest(name = "{0}/{1}, {2} yr, {3} extra → {4} cents")
    @CsvSource({
            "PERSONAL, STANDARD, 3, 0, 4800",
            "ORGANISATIONAL, PLAIN, 1, 0, 15000",
            "ORGANISATIONAL, PLAIN, 2, 0, 30000",
            "ENCIPHERMENT, STANDARD, 1, 0, 2400",
            "ENCIPHERMENT, STANDARD, 3, 0, 7200",
            "SERVER, PLAIN, 1, 0, 250000",
            "SERVER, WILDCARD, 1, 0, 826500",
            "SERVER, WILDCARD, 2, 0, 1653000",
            "SERVER, WILDCARD, 1, 2, 921500",
            "SERVER, WILDCARD, 2, 1, 1748000",
    })
    void publishedFeesAreQuotedExactly(String type, String variant, int years, int extra, long cents) {
        Quote q = fees.quoteRenewal(variant(type, variant), years, extra, TODAY);
        assertTrue(q.isSet());
        assertEquals(Money.ofCents(cents), q.total());
        q.lines().forEach(l -> assertFalse(l.source().isBlank(), "every published fee names its source"));
    }

    @Test
    void aPublishedFeeIsChargedOnlyOnceAnAdministratorConfirmedItsExactFigure() {
        Variant personal = variant("PERSONAL", "STANDARD");
        FeeSchedule unconfirmed = fees.confirmedOnly(List.of());
        Quote refused = unconfirmed.quoteRenewal(personal, 3, 0, TODAY);
        assertFalse(refused.isSet(), "nothing is charged on an unchecked figure");
        assertEquals("PERSONAL_RENEWAL", refused.notSet().get(0).code());
        FeeRate renewal = fees.rates().stream().filter(r -> r.itemCode().equals("PERSONAL_RENEWAL")).findFirst().orElseThrow();
        FeeConfirmation confirmed = FeeConfirmation.of(renewal, "admin", java.time.Instant.EPOCH);
        FeeSchedule charged = fees.confirmedOnly(List.of(confirmed));
        assertEquals(Money.ofDollars(48), charged.quoteRenewal(personal, 3, 0, TODAY).total());
        assertFalse(charged.quoteExtension(personal, 1, TODAY).isSet(), "each published rate is confirmed on its own");
        assertTrue(fees.unconfirmed(List.of(confirmed)).stream().noneMatch(r -> r.itemCode().equals("PERSONAL_RENEWAL")));
        // a figure changed in the data file is not the one confirmed
        FeeRate changed = new FeeRate("PERSONAL_RENEWAL", renewal.effectiveFrom(), Money.ofDollars(50), Optional.empty(), renewal.source());
        assertFalse(confirmed.confirms(changed));
    }

    @Test
    void personalSubscriptionExtensionIs48DollarsPerYear() {
        Variant personal = variant("PERSONAL", "STANDARD");
        assertEquals(Money.ofDollars(48), fees.quoteExtension(personal, 1, TODAY).total());
        assertEquals(Money.ofDollars(96), fees.quoteExtension(personal, 2, TODAY).total());
        assertEquals("HK$48.00", fees.quoteExtension(personal, 1, TODAY).total().toString());
    }

    @ParameterizedTest(name = "{0}/{1} is a setting: fee not set")
    @CsvSource({
            "PERSONAL, MR_SAFENET, PERSONAL_MR",
            "ORGANISATIONAL, MR_FEITIAN, ORGANISATIONAL_MR",
            "ORGANISATIONAL, AEOI, ORGANISATIONAL_AEOI",
            "SERVER, EV, SERVER_EV",
            "SERVER, EV_MULTI_DOMAIN, SERVER_EV_MULTI_DOMAIN",
            "BANK_CERT_BANK, RENEWAL_AR_CHANGED, BANK_CERT_BANK",
    })
    void unpublishedFeesRefuseToQuote(String type, String variant, String item) {
        Quote q = fees.quoteRenewal(variant(type, variant), 1, 0, TODAY);
        assertFalse(q.isSet());
        assertEquals(List.of(item), q.notSet().stream().map(FeeItem::code).toList());
        assertTrue(q.lines().isEmpty(), "a refused quote carries no partial amount");
        FeeNotSetException e = assertThrows(FeeNotSetException.class, q::total);
        assertTrue(e.getMessage().startsWith("fee not set"));
    }

    @Test
    void multiDomainExtraNamesAreASettingButTheBaseFeeIsPublished() {
        Variant md = variant("SERVER", "MULTI_DOMAIN");
        assertEquals(Money.ofDollars(2500), fees.quoteRenewal(md, 1, 0, TODAY).total());
        Quote withNames = fees.quoteRenewal(md, 1, 3, TODAY);
        assertEquals(List.of("SERVER_MULTI_DOMAIN_EXTRA_NAME"), withNames.notSet().stream().map(FeeItem::code).toList());
    }

    @Test
    void feesAreEffectiveDated() {
        Variant personal = variant("PERSONAL", "STANDARD");
        assertFalse(fees.quoteRenewal(personal, 3, 0, LocalDate.of(2023, 6, 30)).isSet(),
                "before the published HK$48 took effect no fee is known to the schedule");
        assertTrue(fees.quoteRenewal(personal, 3, 0, LocalDate.of(2023, 7, 1)).isSet());

        FeeSchedule later = fees.withRate(new FeeRate("PERSONAL_RENEWAL", LocalDate.of(2027, 1, 1), Money.ofDollars(50),
                Optional.empty(), "administrator: promotion ended (test)"));
        assertEquals(Money.ofDollars(48), later.quoteRenewal(personal, 3, 0, LocalDate.of(2026, 12, 31)).total());
        assertEquals(Money.ofDollars(50), later.quoteRenewal(personal, 3, 0, LocalDate.of(2027, 1, 1)).total());
    }

    @Test
    void anAdministratorsEntryTurnsASettingIntoAQuote() {
        Variant bank = variant("BANK_CERT_BANK", "NEW_ONLY");
        FeeSchedule entered = fees.withRate(new FeeRate("BANK_CERT_BANK", LocalDate.of(2026, 1, 1), Money.ofCents(123456),
                Optional.empty(), "DEMO setting"));
        assertEquals(Money.ofCents(123456 * 2), entered.quoteRenewal(bank, 2, 0, TODAY).total());
    }

    @Test
    void moneyIsExactCents() {
        assertEquals("HK$16,530.00", Money.ofCents(1653000).toString());
        assertEquals("HK$0.10", Money.ofCents(10).toString());
        assertEquals("-HK$1.50", Money.ofCents(-150).toString());
        assertThrows(ArithmeticException.class, () -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)));
    }
}
