package hk.post.ecert.devices.printer.simulated;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** A receipt the virtual printer cut: its lines, a picture of it, and the exact bytes it received. */
public record PrintedReceipt(List<PrintedLine> lines, BufferedImage image, byte[] raw, boolean drawerKicked) {

    /** The receipt as plain text, one printed line per line. */
    public String text() {
        return lines.stream().map(PrintedLine::transcript).collect(Collectors.joining("\n"));
    }

    public byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String pngBase64() {
        return Base64.getEncoder().encodeToString(png());
    }
}
