package hk.post.ecert.devices.printer;

/**
 * Why a receipt printer cannot (or might not) print, as learnt from its real-time status (DLE EOT) or from the
 * line itself. A clerk sees each one as its own message.
 */
public enum PrinterFault {
    PAPER_OUT,
    COVER_OPEN,
    OFFLINE,
    /** The printer did not answer a status request within the timeout. */
    NO_ANSWER,
    /** The serial line went away (cable pulled, port closed). */
    DISCONNECTED,
    /** The serial port opened but did not take the configured settings (speed, framing): nothing is sent. */
    LINE_SETTINGS
}
