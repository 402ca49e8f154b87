package hk.post.ecert.devices.payment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One contract for an EPS payment device (issue 17): a sale is charged once whatever is sent again, a cancelled id is
 * never charged, an unknown outcome is settled by the status enquiry, and settlement closes each approved sale once.
 * Each backend says how to make it answer the next sale with a fault, and how many times a card was really charged.
 */
public abstract class PaymentDeviceContract {

    protected PaymentDevice device;

    /** A fresh device for one test. */
    protected abstract PaymentDevice freshDevice() throws Exception;

    /** The next sale is approved but its answer is lost (the card is charged). */
    protected abstract void nextAnswerLostAfterApproval();

    /** The next sale is lost before it reaches the device (nothing charged). */
    protected abstract void nextSaleLostOnTheWay();

    protected abstract void nextDeclined();

    protected abstract void nextCancelledByTheCustomer();

    protected abstract void nextOffline();

    /** How many times a card was charged, as the bank would see it. */
    protected abstract int charges();

    @BeforeEach
    void device() throws Exception {
        device = freshDevice();
    }

    @Test
    void anApprovedSaleSentAgainIsAnsweredWithItsFirstOutcomeAndChargedOnce() throws Exception {
        PaymentResult first = device.sale("PAY-1", 4_800);
        assertEquals(PaymentResult.Outcome.APPROVED, first.outcome());
        assertTrue(!first.approvalCode().isBlank(), "an approval carries the bank's code");
        assertEquals(first, device.sale("PAY-1", 4_800));
        assertEquals(first, device.status("PAY-1"));
        assertEquals(1, charges());
    }

    @Test
    void aDeclinedOrCancelledSaleChargesNothingAndStaysSoWhenSentAgain() throws Exception {
        nextDeclined();
        assertEquals(PaymentResult.Outcome.DECLINED, device.sale("PAY-D", 4_800).outcome());
        assertEquals(PaymentResult.Outcome.DECLINED, device.sale("PAY-D", 4_800).outcome(), "the same id is not tried again");
        nextCancelledByTheCustomer();
        assertEquals(PaymentResult.Outcome.CANCELLED, device.sale("PAY-C", 4_800).outcome());
        assertEquals(0, charges());
        assertEquals(PaymentResult.Outcome.APPROVED, device.sale("PAY-D2", 4_800).outcome(), "a new attempt takes a new id");
        assertEquals(1, charges());
    }

    @Test
    void anAnswerLostAfterTheCardWasChargedIsKnownByTheStatusEnquiryAndNeverChargedAgain() throws Exception {
        nextAnswerLostAfterApproval();
        PaymentException lost = assertThrows(PaymentException.class, () -> device.sale("PAY-T", 4_800));
        assertEquals(PaymentFault.TIMEOUT_OUTCOME_UNKNOWN, lost.fault());
        assertEquals(PaymentResult.Outcome.APPROVED, device.status("PAY-T").outcome(), "the enquiry knows it was paid");
        assertEquals(PaymentResult.Outcome.APPROVED, device.sale("PAY-T", 4_800).outcome(), "sent again: the first outcome");
        assertEquals(1, charges());
    }

    @Test
    void aSaleLostOnItsWayIsNotFoundAndMaySafelyBeSentAgainUnderTheSameId() throws Exception {
        nextSaleLostOnTheWay();
        PaymentException lost = assertThrows(PaymentException.class, () -> device.sale("PAY-L", 4_800));
        assertEquals(PaymentFault.TIMEOUT_OUTCOME_UNKNOWN, lost.fault());
        assertEquals(PaymentResult.Outcome.NOT_FOUND, device.status("PAY-L").outcome());
        assertEquals(0, charges());
        assertEquals(PaymentResult.Outcome.APPROVED, device.sale("PAY-L", 4_800).outcome());
        assertEquals(1, charges());
    }

    @Test
    void aCancelBeforeTheSaleLetsNoLateSaleChargeAndACancelAfterApprovalLeavesTheApproval() throws Exception {
        assertEquals(PaymentResult.Outcome.CANCELLED, device.cancel("PAY-X").outcome());
        assertEquals(PaymentResult.Outcome.CANCELLED, device.sale("PAY-X", 4_800).outcome(), "a late sale under a cancelled id");
        assertEquals(0, charges());
        device.sale("PAY-Y", 4_800);
        assertEquals(PaymentResult.Outcome.APPROVED, device.cancel("PAY-Y").outcome(), "paid: a refund puts it right, not a cancel");
        assertEquals(1, charges());
    }

    @Test
    void anOfflineDeviceSaysSoAndChargesNothing() throws Exception {
        nextOffline();
        PaymentException e = assertThrows(PaymentException.class, () -> device.sale("PAY-O", 4_800));
        assertEquals(PaymentFault.DEVICE_OFFLINE, e.fault());
        assertEquals(PaymentResult.Outcome.NOT_FOUND, device.status("PAY-O").outcome());
        assertEquals(0, charges());
        assertEquals(PaymentFault.INVALID_REQUEST, assertThrows(PaymentException.class, () -> device.sale("PAY-Z", 0)).fault());
    }

    @Test
    void settlementClosesEachApprovedSaleOnceAndABatchAskedAgainIsTheSame() throws Exception {
        device.sale("PAY-1", 4_800);
        nextDeclined();
        device.sale("PAY-2", 4_800);
        device.sale("PAY-3", 9_600);
        Settlement day = device.settle("GPO-20261201");
        assertEquals(List.of("PAY-1", "PAY-3"), day.paymentIds());
        assertEquals(14_400, day.totalCents());
        assertEquals(day, device.settle("GPO-20261201"), "the same batch asked again");
        assertEquals(0, device.settle("GPO-20261202").count(), "nothing is settled twice");
    }
}
