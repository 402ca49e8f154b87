package hk.post.ecert.devices.printer.escpos;

/** ESC/POS command bytes used by the encoder and understood by the virtual printer. */
public final class EscPos {

    private EscPos() {
    }

    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte FS = 0x1C;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** {@code DLE EOT 1}: printer status. Bit 3 = offline. */
    public static final int STATUS_PRINTER = 1;
    /** {@code DLE EOT 2}: offline cause. Bit 2 = cover open, bit 5 = stopped by paper end, bit 6 = error. */
    public static final int STATUS_OFFLINE_CAUSE = 2;
    /** {@code DLE EOT 4}: roll paper sensor. Bits 2,3 = near end; bits 5,6 = paper end. */
    public static final int STATUS_ROLL_PAPER = 4;

    public static final int OFFLINE_BIT = 0x08;
    public static final int COVER_OPEN_BIT = 0x04;
    public static final int PAPER_END_STOP_BIT = 0x20;
    public static final int NEAR_END_BITS = 0x0C;
    public static final int PAPER_END_BITS = 0x60;

    /** Every status byte has bit 1 set and bit 0, 4 clear: 0x12 with nothing to report. */
    public static final int STATUS_BASE = 0x12;

    public static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }
}
