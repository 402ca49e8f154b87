package hk.post.ecert.devices.printer.simulated;

import java.awt.image.BufferedImage;

/** One line that came out of the virtual printer: text with its style, a QR code, a barcode, or a raster image. */
public record PrintedLine(Kind kind, String text, int align, boolean bold, boolean doubleSize, BufferedImage image) {

    public enum Kind { TEXT, QR, BARCODE, RASTER }

    static PrintedLine text(String text, int align, boolean bold, boolean doubleSize) {
        return new PrintedLine(Kind.TEXT, text, align, bold, doubleSize, null);
    }

    static PrintedLine qr(String data) {
        return new PrintedLine(Kind.QR, data, 1, false, false, null);
    }

    static PrintedLine barcode(String data) {
        return new PrintedLine(Kind.BARCODE, data, 1, false, false, null);
    }

    static PrintedLine raster(BufferedImage image) {
        return new PrintedLine(Kind.RASTER, "", 0, false, false, image);
    }

    /** How the line reads in a plain-text transcript of the receipt. */
    public String transcript() {
        return switch (kind) {
            case TEXT -> text;
            case QR -> "[QR " + text + "]";
            case BARCODE -> "[BARCODE " + text + "]";
            case RASTER -> "[IMAGE " + image.getWidth() + "x" + image.getHeight() + "]";
        };
    }
}
