package hk.post.ecert.devices.printer.simulated;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A receipt the virtual printer cut: its lines, a picture of it (kept as PNG), and the exact bytes it received.
 *
 * <p>The picture is kept compressed: as a raster it is about half a megabyte a receipt, and a simulated printer keeps
 * every receipt it printed (a day of {@code bin/run}, or the 1,040 terminals of {@code bin/bench scale}, ran out of
 * memory on rasters).
 */
public record PrintedReceipt(List<PrintedLine> lines, byte[] png, byte[] raw, boolean drawerKicked) {

    /** A receipt with its picture, which is kept as PNG. */
    public static PrintedReceipt of(List<PrintedLine> lines, BufferedImage image, byte[] raw, boolean drawerKicked) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new PrintedReceipt(lines, out.toByteArray(), raw, drawerKicked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The receipt as plain text, one printed line per line. */
    public String text() {
        return lines.stream().map(PrintedLine::transcript).collect(Collectors.joining("\n"));
    }

    /** The picture, decoded afresh from its PNG. */
    public BufferedImage image() {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String pngBase64() {
        return Base64.getEncoder().encodeToString(png);
    }
}
