package hk.post.ecert.devices.printer.simulated;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/** Draws what the virtual printer printed as a strip of paper, so a person can look at it. */
final class ReceiptImage {

    private static final int LINE = 24;
    /** The QR module size the encoder asks the printer for (ESC/POS function 167), in dots. */
    static final int QR_MODULE = 6;
    static final int QR_QUIET = 4;

    /** The QR symbol of {@code data} as the printer makes it (model 2, error correction M); null if it cannot be made. */
    static com.google.zxing.qrcode.encoder.ByteMatrix qr(String data) {
        try {
            return com.google.zxing.qrcode.encoder.Encoder.encode(data, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M).getMatrix();
        } catch (com.google.zxing.WriterException | IllegalArgumentException e) {
            return null;
        }
    }

    private ReceiptImage() {
    }

    static BufferedImage render(List<PrintedLine> lines, int width) {
        int height = 16;
        for (PrintedLine l : lines) {
            height += heightOf(l);
        }
        BufferedImage img = new BufferedImage(width, Math.max(height, 32), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        String family = family();
        int y = 8;
        for (PrintedLine l : lines) {
            int h = heightOf(l);
            switch (l.kind()) {
                case TEXT -> {
                    g.setFont(new Font(family, l.bold() ? Font.BOLD : Font.PLAIN, l.doubleSize() ? 40 : 20));
                    int w = g.getFontMetrics().stringWidth(l.text());
                    int x = l.align() == 1 ? (width - w) / 2 : l.align() == 2 ? width - w - 4 : 4;
                    g.drawString(l.text(), Math.max(0, x), y + h - 5);
                }
                case RASTER -> g.drawImage(l.image(), 0, y, null);
                case QR -> {
                    // as the printer prints it: model 2, error correction M, 6 dots a module, a 4-module quiet zone
                    com.google.zxing.qrcode.encoder.ByteMatrix m = qr(l.text());
                    if (m == null) {
                        g.drawString("QR: " + l.text(), 4, y + 20);
                    } else {
                        int x0 = Math.max(0, (width - (m.getWidth() + 2 * QR_QUIET) * QR_MODULE) / 2);
                        for (int row = 0; row < m.getHeight(); row++) {
                            for (int col = 0; col < m.getWidth(); col++) {
                                if (m.get(col, row) == 1) {
                                    g.fillRect(x0 + (col + QR_QUIET) * QR_MODULE, y + (row + QR_QUIET) * QR_MODULE, QR_MODULE, QR_MODULE);
                                }
                            }
                        }
                    }
                }
                case BARCODE -> {
                    for (int i = 0; i < l.text().length() * 11 && i * 2 < width - 8; i++) {
                        if (((l.text().charAt(i / 11 % l.text().length()) >> (i % 7)) & 1) == 1) {
                            g.fillRect(40 + i * 2, y + 4, 2, 50);
                        }
                    }
                    g.setFont(new Font(family, Font.PLAIN, 16));
                    g.drawString(l.text(), 40, y + 74);
                }
            }
            y += h;
        }
        g.dispose();
        return img;
    }

    private static int heightOf(PrintedLine l) {
        return switch (l.kind()) {
            case TEXT -> l.doubleSize() ? LINE * 2 : LINE;
            case RASTER -> l.image().getHeight();
            case QR -> {
                com.google.zxing.qrcode.encoder.ByteMatrix m = qr(l.text());
                yield m == null ? LINE : (m.getWidth() + 2 * QR_QUIET) * QR_MODULE;
            }
            case BARCODE -> 80;
        };
    }

    private static String family() {
        List<String> families = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String f : new String[]{"AR PL UMing HK", "AR PL UMing TW", "AR PL UMing CN"}) {
            if (families.contains(f)) {
                return f;
            }
        }
        return Font.MONOSPACED;
    }
}
