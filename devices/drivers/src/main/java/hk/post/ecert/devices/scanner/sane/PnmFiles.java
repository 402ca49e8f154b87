package hk.post.ecert.devices.scanner.sane;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes binary PGM/PPM files — what SANE's {@code pnm} backend serves as a scanned page (ImageIO has no writer). */
public final class PnmFiles {

    private PnmFiles() {
    }

    /** Grey images as P5, everything else as P6. */
    public static void write(BufferedImage img, Path file) throws IOException {
        boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        int w = img.getWidth();
        int h = img.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(((grey ? "P5" : "P6") + "\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            int[] row = new int[w];
            byte[] bytes = new byte[w * (grey ? 1 : 3)];
            for (int y = 0; y < h; y++) {
                if (grey) {
                    // the raster's own grey levels (getRGB would convert them from linear grey to sRGB)
                    img.getRaster().getSamples(0, y, w, 1, 0, row);
                } else {
                    img.getRGB(0, y, w, 1, row, 0, w);
                }
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    if (grey) {
                        bytes[x] = (byte) (p & 0xFF);
                    } else {
                        bytes[3 * x] = (byte) (p >> 16);
                        bytes[3 * x + 1] = (byte) (p >> 8);
                        bytes[3 * x + 2] = (byte) p;
                    }
                }
                out.write(bytes);
            }
        }
    }
}
