package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 item 10: what the customer takes home. */
class NextStepsSlipTest {

    static final Catalogue CATALOGUE = Catalogue.loadDefault();

    private static String all(List<Bilingual> lines) {
        return String.join("\n", lines.stream().map(b -> b.en() + " / " + b.zh()).toList());
    }

    @Test
    void aServerCaseIsToldOfTheApprovalEmailTheCsrAndTheUserGuide() {
        CertificateType server = CATALOGUE.type("SERVER");
        String text = all(NextStepsSlip.steps(server, server.variant("PLAIN"), RenewalCase.Delivery.CSR));
        assertTrue(text.contains("e-mails the Authorised Representative") && text.contains("CSR") && text.contains("user guide"), text);
        assertTrue(text.contains("any post office counter") && !text.contains("as the e-mail explains"), "what really happens to the CSR: " + text);
        assertTrue(all(NextStepsSlip.otherWays(server, server.variant("PLAIN"))).contains("while the Authorised Representative is unchanged"),
                "issue 29: the seed's online route for Server");
    }

    @Test
    void aPostedPersonalCaseIsToldTheMediumAndThePinEnvelopeComeSeparatelyAndTheOtherWaysToRenew() {
        CertificateType personal = CATALOGUE.type("PERSONAL");
        String text = all(NextStepsSlip.steps(personal, personal.variant("STANDARD"), RenewalCase.Delivery.DISPATCH));
        assertTrue(text.contains("two separate letters") && text.contains("分兩封掛號信"), text);
        String other = all(NextStepsSlip.otherWays(personal, personal.variant("STANDARD")));
        assertTrue(other.contains("Online") && other.contains("Subscription Expiry Notice") && other.contains("e-Cheque")
                && other.contains("Postmaster General"), other);
        assertTrue(text.contains("subscription is one year") && text.contains("HK$48 a year") && text.contains("suspension"), text);
        // issue 29: Mutual Recognition has no subscription, so no Subscription Expiry Notice, and no subscription line
        String mr = all(NextStepsSlip.otherWays(personal, personal.variant("MR_SAFENET")));
        assertTrue(mr.contains("Online") && !mr.contains("Subscription Expiry Notice"), mr);
        assertFalse(all(NextStepsSlip.steps(personal, personal.variant("MR_SAFENET"), RenewalCase.Delivery.TOKEN_AT_COUNTER))
                .contains("subscription is one year"));
    }

    @Test
    void anMrCaseWrittenAtTheCounterTellsWhenAndWhereToCollect() {
        CertificateType personal = CATALOGUE.type("PERSONAL");
        List<Bilingual> steps = NextStepsSlip.steps(personal, personal.variant("MR_SAFENET"), RenewalCase.Delivery.TOKEN_AT_COUNTER,
                new Bilingual("General Post Office", "郵政總局"));
        String en = all(steps);
        assertTrue(en.contains("Once it is approved, come back to General Post Office with your SAFENET token"), en);
        assertTrue(steps.stream().anyMatch(b -> b.zh().contains("回到郵政總局")), "and in Chinese");
        assertFalse(all(NextStepsSlip.steps(personal, personal.variant("STANDARD"), RenewalCase.Delivery.DISPATCH)).contains("come back"),
                "a posted renewal is not collected");
    }

    @Test
    void aMutualRecognitionCaseIsToldWhichTokenBrandToBring() {
        CertificateType personal = CATALOGUE.type("PERSONAL");
        String safenet = all(NextStepsSlip.steps(personal, personal.variant("MR_SAFENET"), RenewalCase.Delivery.TOKEN_AT_COUNTER));
        assertTrue(safenet.contains("only onto a SAFENET e-Cert Token") && !safenet.contains("FEITIAN"), safenet);
        String feitian = all(NextStepsSlip.steps(CATALOGUE.type("ORGANISATIONAL"), CATALOGUE.type("ORGANISATIONAL").variant("MR_FEITIAN"),
                RenewalCase.Delivery.TOKEN_AT_COUNTER));
        assertTrue(feitian.contains("FEITIAN") && !feitian.contains("SAFENET"), feitian);
        assertFalse(all(NextStepsSlip.otherWays(CATALOGUE.type("ORGANISATIONAL"), CATALOGUE.type("ORGANISATIONAL").variant("PLAIN"))).isEmpty());
    }

    @Test
    void aReceiptLineShowsItsQuantityAndUnitFeeAndRefusesOneThatDoesNotAddUp() {
        PaymentReceipt.Item two = PaymentReceipt.Item.of(new Bilingual("Encipherment", "加密"), 2, Money.ofCents(4800));
        assertEquals(2, two.quantity());
        assertEquals(Money.ofCents(2400), two.unit());
        assertThrows(IllegalArgumentException.class,
                () -> new PaymentReceipt.Item(new Bilingual("x", "x"), 2, Money.ofCents(2400), Money.ofCents(5000)));
        PaymentReceipt.Item uneven = PaymentReceipt.Item.of(new Bilingual("x", "x"), 3, Money.ofCents(100));
        assertEquals(1, uneven.quantity(), "an amount that does not divide evenly is shown as one line, never rounded");
    }
}
