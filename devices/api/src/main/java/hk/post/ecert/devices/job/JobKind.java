package hk.post.ecert.devices.job;

/** What a device job asks the terminal to do. */
public enum JobKind {
    /** Print a {@link hk.post.ecert.devices.printer.ReceiptDocument} on the counter's receipt printer. */
    PRINT_RECEIPT
}
