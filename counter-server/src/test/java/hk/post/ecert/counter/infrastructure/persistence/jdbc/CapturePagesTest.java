package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.capture.CaptureRecords;
import hk.post.ecert.counter.infrastructure.forms.PdfFormPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 32: a received page's thumbnail is made once, from the picture read when the page arrives, and the capture
 * screen's list of pages reads it back without reading the full picture; a page stored before thumbnails were kept
 * (none stored) still gets one, made from its picture. Over the real migrations (H2).
 */
class CapturePagesTest {

    private TestDatabase db;
    private JdbcCaptureRecords records;
    private final PdfFormPictures pictures = new PdfFormPictures();

    @BeforeEach
    void start() throws Exception {
        db = new TestDatabase();
        records = new JdbcCaptureRecords();
        records.dataSource = db.dataSource;
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    /** An A4 page at 300 dpi, grey, with a dark block where a form's heading would be. */
    private static byte[] scannedPage() throws Exception {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2480, 3508);
        g.setColor(Color.BLACK);
        g.fillRect(200, 200, 1600, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page, "png", out);
        return out.toByteArray();
    }

    private CaptureRecords.ReceivedPage received(String pageId, byte[] png, String thumbnail) {
        return new CaptureRecords.ReceivedPage(pageId, "RC-1", "SCAN-1", pageId.endsWith("1") ? 1 : 2, 300, "GREY", png,
                "00".repeat(32), 2480, 3508, null, null, null, Instant.now(), thumbnail);
    }

    @Test
    void aPagesThumbnailIsMadeOnceWhenItArrivesAndReadBackWithoutThePicture() throws Exception {
        records.add(new CaptureCase("RC-1", "PERSONAL", "PERSONAL", List.of("CPOS_798A"), List.of(2), List.of("HKID_COPY"),
                Map.of(), null, null), "clerk1", Instant.now());
        byte[] png = scannedPage();

        // as CaptureDesk.receivePage reads a page: its size, no mark, and the thumbnail of the picture it has read
        var read = pictures.read(png, 40_000_000L).orElseThrow();
        assertEquals(2480, read.width());
        assertTrue(read.mark().isEmpty(), "a page without a QR mark is a supporting document");
        assertTrue(read.thumbnail().startsWith("data:image/png;base64,"), read.thumbnail());
        records.addPage(received("SCAN-1-P1", png, read.thumbnail()), null);
        // a page stored before thumbnails were kept
        records.addPage(received("SCAN-1-P2", png, null), null);

        List<Integer> picturesRead = new ArrayList<>();
        List<CaptureCase.Page> pages = records.activePages("RC-1", full -> {
            picturesRead.add(full.length);
            return pictures.thumbnail(full);
        });
        assertEquals(2, pages.size());
        assertEquals(read.thumbnail(), pages.get(0).thumbnail(), "the stored thumbnail, as made when the page arrived");
        assertEquals(read.thumbnail(), pages.get(1).thumbnail(), "an older page's thumbnail is made from its picture, the same");
        assertEquals(List.of(png.length), picturesRead, "only the page stored without a thumbnail had its picture read");
    }
}
