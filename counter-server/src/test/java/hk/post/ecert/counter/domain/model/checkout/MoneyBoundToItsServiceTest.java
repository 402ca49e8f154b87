package hk.post.ecert.counter.domain.model.checkout;

import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28's rules in the aggregates: what money buys, and what taking it back does to it. */
class MoneyBoundToItsServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Catalogue CATALOGUE = Catalogue.loadDefault();
    static final Variant STANDARD = CATALOGUE.type("PERSONAL").variant("STANDARD");

    static SubscriberCertificate personal(LocalDate validTo, LocalDate subscriptionEnd) {
        return new SubscriberCertificate("a1b2", "SRN-P-1", "PERSONAL", "STANDARD", "2-17", "CHAN TAI MAN", null, null,
                validTo.minusYears(3), validTo, subscriptionEnd, CertificateStatus.ACTIVE, "ecert-file-usb", null, false);
    }

    static RenewalCase dueCase() {
        RenewalCase k = RenewalCase.open("RC-1", personal(TODAY.plusDays(10), TODAY.plusDays(10)), CATALOGUE, "STANDARD", 3, false,
                List.of(), RenewalCase.Delivery.DISPATCH, TODAY, Optional.empty(), "clerk1");
        k.identityConfirmed("clerk1");
        return k;
    }

    @Test
    void aPayableIsWrittenOnItsSaleLineAndReadBack() {
        for (Payable p : List.of(new Payable.CaseFee("RC-1"), new Payable.BankCertFee("BC-9"), new Payable.SubscriptionExtension("0x00A1B2", 2))) {
            assertEquals(p, Payable.parse(p.code()));
        }
        assertEquals("EXT:a1b2:2", new Payable.SubscriptionExtension("0x00A1B2", 2).code(), "a serial as the CA writes it");
        assertEquals(PosRefusal.Reason.NOT_PAYABLE, assertThrows(PosRefusal.class, () -> Payable.parse("FREE:anything")).reason());
        assertEquals(PosRefusal.Reason.NOT_PAYABLE, assertThrows(PosRefusal.class, () -> Payable.parse(null)).reason());
        assertEquals(PosRefusal.Reason.NO_CASE, assertThrows(PosRefusal.class, () -> new Payable.CaseFee(" ")).reason());
        assertEquals(PosRefusal.Reason.NOT_PAYABLE, assertThrows(PosRefusal.class,
                () -> new Payable.SubscriptionExtension("a1b2", 0)).reason());
    }

    @Test
    void anExtensionTakenBackEndsWhereItWasUnlessSomethingLaterRestsOnIt() {
        SubscriberCertificate c = personal(TODAY.plusYears(2), TODAY.plusDays(20));
        LocalDate extended = c.extendedBy(STANDARD, 1, TODAY);
        SubscriberCertificate after = personal(TODAY.plusYears(2), extended);
        assertEquals(TODAY.plusDays(20), after.withoutExtension(TODAY.plusDays(20), extended, false));
        SubscriberCertificate extendedAgain = personal(TODAY.plusYears(2), extended.plusYears(1));
        assertTrue(assertThrows(RegistryRefusal.class, () -> extendedAgain.withoutExtension(TODAY.plusDays(20), extended, false))
                .bilingual().en().contains("A later extension rests on this one"));
        assertTrue(assertThrows(RegistryRefusal.class, () -> after.withoutExtension(TODAY.plusDays(20), extended, true))
                .bilingual().en().contains("renewed since"));
    }

    @Test
    void aCaseFeeTakenBackLeavesTheCaseUnpaidAndBackAtTheCounter() {
        RenewalCase k = dueCase();
        k.requirePayable();
        k.paid("PAY-1", "clerk1");
        assertTrue(assertThrows(CaseRefusal.class, k::requirePayable).getMessage().contains("paid already"));
        k.submitForVetting(true, "clerk1");
        assertEquals(RenewalCase.State.VETTING, k.state());
        assertFalse(k.paymentReversed("PAY-OTHER"), "another payment did not pay for this case");
        assertTrue(k.paymentReversed("PAY-1"));
        assertEquals(RenewalCase.State.OPEN, k.state(), "no longer complete: back at the counter");
        assertEquals(null, k.paymentId());
        k.requirePayable();
    }

    @Test
    void aRejectedCaseOwesItsRefundUntilTheMoneyGoesBackAndAnIssuedOneRefusesIt() {
        RenewalCase k = dueCase();
        k.paid("PAY-1", "clerk1");
        k.submitForVetting(true, "clerk1");
        k.reject("officer1", "The signature does not match.");
        assertTrue(k.refundOwed());
        assertTrue(k.paymentReversed("PAY-1"));
        assertFalse(k.refundOwed());
        assertEquals(RenewalCase.State.REJECTED, k.state());

        RenewalCase issued = dueCase();
        issued.paid("PAY-2", "clerk1");
        issued.submitForVetting(true, "clerk1");
        issued.approve("officer1", "ok");
        issued.issued("0abc");
        assertTrue(assertThrows(CaseRefusal.class, () -> issued.requireReversible("PAY-2")).getMessage().contains("revocation"));
        assertThrows(CaseRefusal.class, () -> issued.paymentReversed("PAY-2"));
        assertEquals("PAY-2", issued.paymentId(), "nothing changed");
    }
}
