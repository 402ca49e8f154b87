package hk.post.ecert.devices.payment;

import java.util.Objects;

/**
 * What the payment device did with one payment id.
 *
 * @param approvalCode the bank's approval code when approved, else empty
 * @param detail       the device's words when declined or cancelled (never a card number)
 */
public record PaymentResult(String paymentId, Outcome outcome, long amountCents, String approvalCode, String detail) {

    /** The outcome of a sale as the device knows it. */
    public enum Outcome {
        APPROVED,
        DECLINED,
        CANCELLED,
        /** The device never received a sale under this id. */
        NOT_FOUND
    }

    public PaymentResult {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(outcome, "outcome");
        approvalCode = approvalCode == null ? "" : approvalCode;
        detail = detail == null ? "" : detail;
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
