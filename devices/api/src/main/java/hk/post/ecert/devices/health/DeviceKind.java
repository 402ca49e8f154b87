package hk.post.ecert.devices.health;

/** The kinds of device a counter terminal drives. */
public enum DeviceKind {
    RECEIPT_PRINTER,
    TOKEN_WRITER,
    SCANNER
}
