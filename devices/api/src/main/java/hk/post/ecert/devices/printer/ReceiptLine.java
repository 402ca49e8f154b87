package hk.post.ecert.devices.printer;

import java.util.Objects;

/** One element of a {@link ReceiptDocument}. Text may mix English and Traditional Chinese. */
public sealed interface ReceiptLine {

    enum Align { LEFT, CENTER, RIGHT }

    /** A line of text; {@code doubleSize} doubles width and height (titles). */
    record Text(String text, Align align, boolean bold, boolean doubleSize) implements ReceiptLine {
        public Text {
            Objects.requireNonNull(text);
            Objects.requireNonNull(align);
        }
    }

    /** A label on the left and a value (usually an amount) flush right on the same line. */
    record Columns(String label, String value, boolean bold) implements ReceiptLine {
        public Columns {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
        }
    }

    /** A horizontal rule across the paper width. */
    record Rule() implements ReceiptLine {
    }

    /** Blank lines. */
    record Feed(int lines) implements ReceiptLine {
        public Feed {
            if (lines < 1 || lines > 20) {
                throw new IllegalArgumentException("feed 1..20 lines");
            }
        }
    }

    /** A QR code (byte mode, UTF-8). */
    record QrCode(String data) implements ReceiptLine {
        public QrCode {
            Objects.requireNonNull(data);
        }
    }

    /** A CODE128 barcode with human-readable text below. */
    record Barcode(String data) implements ReceiptLine {
        public Barcode {
            Objects.requireNonNull(data);
        }
    }

    /** Cut the paper. */
    record Cut() implements ReceiptLine {
    }

    /** Open the cash drawer (cash sales only). */
    record DrawerKick() implements ReceiptLine {
    }
}
