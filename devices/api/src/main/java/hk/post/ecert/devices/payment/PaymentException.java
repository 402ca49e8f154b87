package hk.post.ecert.devices.payment;

/** A payment device that gave no outcome, with the typed reason. */
public class PaymentException extends Exception {

    private final PaymentFault fault;

    public PaymentException(PaymentFault fault, String message) {
        super(message);
        this.fault = fault;
    }

    public PaymentFault fault() {
        return fault;
    }
}
