package hk.post.ecert.forms.scan;

import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.PageMark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scanned pages are identified by their page QR whichever way up, slightly skewed, at 150 and 300 dpi. */
class PageIdentifierTest {

    private static final PageMark MARK = new PageMark("RC-2026-000123", FormId.CPOS_798A, 2);

    static BufferedImage scannedPage(int dpi, PageMark mark, double skewDegrees, int quarterTurns) {
        return SampleScans.scannedPage(dpi, mark, skewDegrees, quarterTurns);
    }

    @ParameterizedTest(name = "{0} dpi, turned {1}/4, skewed {2}°")
    @CsvSource({"150, 0, 0", "300, 0, 0", "150, 2, 0", "300, 2, 0", "150, 1, 0", "300, 3, 0", "150, 0, 2.5", "300, 2, -2"})
    void aFormPageIsFoundWhicheverWayUp(int dpi, int quarterTurns, double skew) {
        assertEquals(Optional.of(MARK), PageIdentifier.identify(scannedPage(dpi, MARK, skew, quarterTurns)));
    }

    /** The same pages as a scanner's grey PNG reads them, one byte a pixel (read without a copy: QrScanner.luminance). */
    @ParameterizedTest(name = "grey, {0} dpi, turned {1}/4, skewed {2}°")
    @CsvSource({"150, 0, 0", "300, 0, 0", "150, 2, 0", "300, 2, 0", "150, 1, 0", "300, 3, 0", "150, 0, 2.5", "300, 2, -2"})
    void aGreyFormPageIsFoundWhicheverWayUp(int dpi, int quarterTurns, double skew) {
        BufferedImage rgb = scannedPage(dpi, MARK, skew, quarterTurns);
        BufferedImage grey = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(rgb, 0, 0, null);
        g.dispose();
        assertEquals(Optional.of(MARK), PageIdentifier.identify(grey));
    }

    @Test
    void aPageWithoutAPageMarkGoesToThePileForTheClerk() {
        assertEquals(Optional.empty(), PageIdentifier.identify(scannedPage(150, null, 0, 0)));
    }
}
