package hk.post.ecert.devices.scanner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link DocumentScanner} must do, run against the simulator and each real backend: the page that was
 * put on the glass comes back unchanged, and the device's faults arrive as typed faults.
 */
public abstract class DocumentScannerContract {

    /** A scanner with {@code page} on the glass / in the feeder (and nothing else). */
    protected abstract DocumentScanner scannerServing(BufferedImage page) throws Exception;

    /** A scanner that fails with {@code fault}; empty when this backend cannot produce that fault. */
    protected abstract Optional<DocumentScanner> scannerFailingWith(ScannerFault fault) throws Exception;

    /** A grey A6-ish page with a pattern that shows any change of a pixel. */
    protected static BufferedImage knownPage() {
        BufferedImage img = new BufferedImage(413, 583, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.drawString("DEMO-DOC-0001", 40, 60);
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(i * 12, i * 12, i * 12));
            g.fillRect(20 + i * 18, 200, 16, 120 + i * 5);
        }
        g.dispose();
        return img;
    }

    protected static void assertSamePixels(BufferedImage want, BufferedImage got) {
        assertEquals(want.getWidth(), got.getWidth(), "width");
        assertEquals(want.getHeight(), got.getHeight(), "height");
        for (int y = 0; y < want.getHeight(); y += 3) {
            for (int x = 0; x < want.getWidth(); x += 3) {
                int a = grey(want, x, y);
                int b = grey(got, x, y);
                assertEquals(a, b, "grey value at " + x + "," + y);
            }
        }
    }

    /** A pixel's grey level as stored (the raster's sample for grey images, not getRGB's sRGB conversion). */
    protected static int grey(BufferedImage img, int x, int y) {
        return img.getType() == BufferedImage.TYPE_BYTE_GRAY ? img.getRaster().getSample(x, y, 0) : img.getRGB(x, y) & 0xFF;
    }

    @Test
    void thePageOnTheGlassComesBackUnchanged() throws Exception {
        BufferedImage page = knownPage();
        try (DocumentScanner scanner = scannerServing(page)) {
            List<ScannedImage> seen = new ArrayList<>();
            List<ScannedImage> pages = scanner.scan(new ScanRequest(ScanRequest.Source.FLATBED, ScanRequest.Mode.GREY, 150), seen::add);
            assertEquals(1, pages.size());
            assertEquals(pages, seen, "each page is handed over as it arrives");
            assertEquals(1, pages.get(0).sequence());
            assertEquals(150, pages.get(0).dpi());
            assertSamePixels(page, pages.get(0).image());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ScannerFault.class, names = {"JAMMED", "COVER_OPEN", "NO_DOCUMENTS"})
    void deviceFaultsAreTyped(ScannerFault fault) throws Exception {
        Optional<DocumentScanner> s = scannerFailingWith(fault);
        assumeTrue(s.isPresent(), "this backend cannot produce " + fault);
        try (DocumentScanner scanner = s.get()) {
            ScannerException e = assertThrows(ScannerException.class,
                    () -> scanner.scan(new ScanRequest(ScanRequest.Source.FLATBED, ScanRequest.Mode.GREY, 150), p -> { }));
            assertEquals(fault, e.fault(), e.getMessage());
        }
    }
}
