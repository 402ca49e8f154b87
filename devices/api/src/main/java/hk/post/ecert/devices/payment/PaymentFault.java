package hk.post.ecert.devices.payment;

/** Why the payment device gave no outcome; each is shown to the customer or the clerk as its own message. */
public enum PaymentFault {
    /** The sale was sent but no answer came: the card may or may not have been charged — ask {@code status} first. */
    TIMEOUT_OUTCOME_UNKNOWN,
    /** The device does not answer at all (unplugged, powered off): nothing was sent. */
    DEVICE_OFFLINE,
    /** The device is serving another sale. */
    BUSY,
    /** The amount or id is not one the device takes (zero, negative, blank). */
    INVALID_REQUEST,
    /** Anything else the device reported; the message says what. */
    DEVICE_ERROR
}
