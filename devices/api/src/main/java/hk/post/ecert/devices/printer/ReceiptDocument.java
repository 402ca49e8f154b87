package hk.post.ecert.devices.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A receipt as the counter means it, independent of any printer: the server composes receipts in this model
 * and the terminal renders them for the printer model it drives.
 *
 * <p>{@code receiptId} is chosen by the server before the receipt is first sent, so a repeat can be recognised.
 * A receipt printed again is a {@link #asCopy() copy}: every renderer marks it "COPY 副本" at the top and bottom.
 */
public record ReceiptDocument(String receiptId, boolean copy, List<ReceiptLine> lines) {

    public ReceiptDocument {
        Objects.requireNonNull(receiptId, "receiptId");
        lines = List.copyOf(lines);
    }

    public ReceiptDocument asCopy() {
        return new ReceiptDocument(receiptId, true, lines);
    }

    public static Builder builder(String receiptId) {
        return new Builder(receiptId);
    }

    /** Fluent composition of a receipt, line by line. */
    public static final class Builder {
        private final String receiptId;
        private final List<ReceiptLine> lines = new ArrayList<>();

        private Builder(String receiptId) {
            this.receiptId = receiptId;
        }

        public Builder title(String text) {
            lines.add(new ReceiptLine.Text(text, ReceiptLine.Align.CENTER, true, true));
            return this;
        }

        public Builder centered(String text) {
            lines.add(new ReceiptLine.Text(text, ReceiptLine.Align.CENTER, false, false));
            return this;
        }

        public Builder text(String text) {
            lines.add(new ReceiptLine.Text(text, ReceiptLine.Align.LEFT, false, false));
            return this;
        }

        public Builder bold(String text) {
            lines.add(new ReceiptLine.Text(text, ReceiptLine.Align.LEFT, true, false));
            return this;
        }

        public Builder line(ReceiptLine line) {
            lines.add(line);
            return this;
        }

        public Builder columns(String label, String value) {
            lines.add(new ReceiptLine.Columns(label, value, false));
            return this;
        }

        public Builder rule() {
            lines.add(new ReceiptLine.Rule());
            return this;
        }

        public Builder feed(int n) {
            lines.add(new ReceiptLine.Feed(n));
            return this;
        }

        public Builder qr(String data) {
            lines.add(new ReceiptLine.QrCode(data));
            return this;
        }

        public Builder barcode(String data) {
            lines.add(new ReceiptLine.Barcode(data));
            return this;
        }

        public Builder drawerKick() {
            lines.add(new ReceiptLine.DrawerKick());
            return this;
        }

        public Builder cut() {
            lines.add(new ReceiptLine.Cut());
            return this;
        }

        public ReceiptDocument build() {
            return new ReceiptDocument(receiptId, false, lines);
        }
    }
}
