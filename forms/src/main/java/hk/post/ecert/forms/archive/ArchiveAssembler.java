package hk.post.ecert.forms.archive;

import hk.post.ecert.forms.upload.UploadValidator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Turns scanned pages into one archival PDF per document: bilevel pages losslessly with CCITT Group 4, grey and
 * colour pages as JPEG at a quality that keeps small print legible. Never JBIG2 (its lossy mode swaps look-alike
 * digits — the Xerox case). A document over 5 MB is refused with a resolution that would fit, not shrunk silently.
 */
public final class ArchiveAssembler {

    /** JPEG quality for grey and colour pages: text stays crisp at 150 dpi and above. */
    public static final float JPEG_QUALITY = 0.75f;
    /** Below this a form's small print is no longer legible. */
    public static final int LEGIBLE_DPI = 150;

    private ArchiveAssembler() {
    }

    /**
     * A grey page as the smaller of two codings: JPEG at {@link #JPEG_QUALITY}, or 16 grey levels coded losslessly
     * (Flate). Text pages — forms, letters — come out several times smaller in 16 levels with every stroke and its
     * anti-aliased edge kept; photographs (an identity card) stay JPEG, which is smaller for them. Nothing is ever
     * matched and substituted, as lossy JBIG2 would.
     */
    static PDImageXObject smallerGrey(PDDocument doc, BufferedImage img) throws IOException {
        BufferedImage grey = greyOf(img);
        PDImageXObject jpeg = JPEGFactory.createFromImage(doc, grey, JPEG_QUALITY);
        byte[] levels = sixteenLevels(grey);
        if (levels.length < jpeg.getCOSObject().getLength()) {
            return new PDImageXObject(doc, new java.io.ByteArrayInputStream(levels), org.apache.pdfbox.cos.COSName.FLATE_DECODE,
                    grey.getWidth(), grey.getHeight(), 4, org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
        }
        return jpeg;
    }

    private static BufferedImage greyOf(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D gr = g.createGraphics();
        gr.drawImage(img, 0, 0, null);
        gr.dispose();
        return g;
    }

    /** 4 bits a pixel (the top half of each grey level), rows padded to a byte, Flate-compressed. */
    static byte[] sixteenLevels(BufferedImage grey) throws IOException {
        int w = grey.getWidth();
        int h = grey.getHeight();
        java.awt.image.Raster r = grey.getRaster();
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 40);
        try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(out, new java.util.zip.Deflater(6), 1 << 16)) {
            int[] row = new int[w];
            byte[] packed = new byte[(w + 1) / 2];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                java.util.Arrays.fill(packed, (byte) 0);
                for (int x = 0; x < w; x++) {
                    int v = row[x] >> 4;
                    packed[x >> 1] |= (byte) ((x & 1) == 0 ? v << 4 : v);
                }
                d.write(packed);
            }
        }
        return out.toByteArray();
    }

    public static byte[] assemble(List<ScannedPage> pages) throws IOException, ArchiveTooLargeException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one page");
        }
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            for (ScannedPage p : pages) {
                PDImageXObject image = switch (p.mode()) {
                    case BILEVEL -> CCITTFactory.createFromImage(doc, bilevel(p.image()));
                    case GREY -> smallerGrey(doc, p.image());
                    case COLOUR -> JPEGFactory.createFromImage(doc, p.image(), JPEG_QUALITY);
                };
                float w = p.image().getWidth() * 72f / p.dpi();
                float h = p.image().getHeight() * 72f / p.dpi();
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, w, h);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        if (pdf.length > UploadValidator.MAX_BYTES) {
            int dpi = pages.get(0).dpi();
            // Size grows with the pixel count, i.e. with the square of the resolution.
            int fits = (int) Math.floor(dpi * Math.sqrt((double) UploadValidator.MAX_BYTES / pdf.length) * 0.95);
            int suggestion = fits >= LEGIBLE_DPI ? standard(fits) : 0;
            throw new ArchiveTooLargeException(pdf.length, suggestion, suggestion > 0
                    ? String.format("The document is %.1f MB at %d dpi; the limit is 5 MB. Scan it again at %d dpi.",
                    pdf.length / 1048576.0, dpi, suggestion)
                    : String.format("The document is %.1f MB at %d dpi and would not stay legible within 5 MB: split it"
                    + " into smaller documents.", pdf.length / 1048576.0, dpi));
        }
        return pdf;
    }

    /** The scanner resolutions offered: 300, 240, 200, 150. */
    private static int standard(int dpi) {
        for (int s : new int[]{300, 240, 200, 150}) {
            if (s <= dpi) {
                return s;
            }
        }
        return LEGIBLE_DPI;
    }

    /** CCITT G4 needs a 1-bit image. */
    private static BufferedImage bilevel(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_BYTE_BINARY && src.getColorModel().getPixelSize() == 1) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }
}
