package hk.post.ecert.devices.payment;

/**
 * An EPS payment device (the kiosk's, issue 17): a sale for an amount, a cancel while the customer has not yet
 * paid, a status enquiry, and the day's settlement.
 *
 * <p>Every sale carries a payment id chosen before it is first sent. The device keeps what it did with each id: a sale
 * sent again under the same id (after a lost answer, a restart) is answered with the first outcome and never charges
 * twice; a sale whose id was cancelled is never charged afterwards. When an answer is lost (the line timed out) the
 * outcome is <em>unknown</em> ({@link PaymentFault#TIMEOUT_OUTCOME_UNKNOWN}): the caller asks {@link #status} before
 * anything else — before extending a subscription, before offering to try again.
 */
public interface PaymentDevice {

    /** Asks the customer's card for {@code amountCents} (HKD cents). A repeat of the id answers with its first outcome. */
    PaymentResult sale(String paymentId, long amountCents) throws PaymentException;

    /**
     * Cancels the sale of this id unless it was approved already (then the approval stands and is answered: a paid sale
     * is put right by a refund, not a cancel). An id never seen is cancelled in advance: a late sale under it is refused.
     */
    PaymentResult cancel(String paymentId) throws PaymentException;

    /**
     * Gives an approved sale's amount back to the card it was paid with, under a refund id chosen before it is first
     * sent: a repeat of the refund id answers with its first outcome and never refunds twice. A sale that was not
     * approved, or was refunded already, is refused ({@link PaymentResult.Outcome#DECLINED}); what the device did with
     * a refund id is asked with {@link #status} like a sale's.
     */
    PaymentResult refund(String refundId, String paymentId, long amountCents) throws PaymentException;

    /** What the device did with this id; {@link PaymentResult.Outcome#NOT_FOUND} when the sale never reached it. */
    PaymentResult status(String paymentId) throws PaymentException;

    /**
     * Settles every approved sale not yet settled into the batch {@code batchId} (the office day's EPS settlement for
     * its Z report). A batch id settled before is answered with that batch again.
     */
    Settlement settle(String batchId) throws PaymentException;
}
