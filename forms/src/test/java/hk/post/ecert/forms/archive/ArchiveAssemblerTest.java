package hk.post.ecert.forms.archive;

import hk.post.ecert.forms.DocumentType;
import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.scan.PageIdentifier;
import hk.post.ecert.forms.upload.AcceptedDocument;
import hk.post.ecert.forms.upload.UploadValidator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveAssemblerTest {

    private static final PageMark MARK = new PageMark("RC-2026-000777", FormId.CPOS_798F, 1);

    private static BufferedImage formPage(int dpi) {
        return hk.post.ecert.forms.scan.SampleScans.formPage(dpi, MARK);
    }

    private static BufferedImage grey(BufferedImage rgb) {
        BufferedImage g = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(rgb, 0, 0, null);
        return g;
    }

    @Test
    void aGreyFormPageBecomesAValidPdfWhosePageMarkStillReads() throws Exception {
        byte[] pdf = ArchiveAssembler.assemble(List.of(new ScannedPage(grey(formPage(300)), 300, ScannedPage.Mode.GREY)));
        AcceptedDocument accepted = UploadValidator.validate(pdf, UploadValidator.Purpose.RENEWAL_FORM);
        assertEquals(DocumentType.PDF, accepted.type());
        assertTrue(pdf.length < 1024 * 1024, "an A4 300 dpi grey page stays well inside the limit: " + pdf.length);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(595, Math.round(doc.getPage(0).getMediaBox().getWidth()), "A4 width in points");
            PDImageXObject img = (PDImageXObject) doc.getPage(0).getResources().getXObject(
                    doc.getPage(0).getResources().getXObjectNames().iterator().next());
            // a text page: 16 grey levels coded losslessly is the smaller coding
            assertEquals(COSName.FLATE_DECODE, img.getCOSObject().getCOSName(COSName.FILTER));
            assertEquals(4, img.getBitsPerComponent());
            assertTrue(pdf.length < 300 * 1024, "under 300 KB: " + pdf.length);
            BufferedImage back = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            assertEquals(Optional.of(MARK), PageIdentifier.identify(back), "the page mark survives the archive");
        }
    }

    @Test
    void aGreyPhotographStaysJpeg() throws Exception {
        BufferedImage photo = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random rnd = new java.util.Random(7);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int v = (int) (128 + 60 * Math.sin(x / 37.0) * Math.cos(y / 23.0)) + rnd.nextInt(24) - 12;
                photo.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        byte[] pdf = ArchiveAssembler.assemble(List.of(new ScannedPage(photo, 300, ScannedPage.Mode.GREY)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDImageXObject img = (PDImageXObject) doc.getPage(0).getResources().getXObject(
                    doc.getPage(0).getResources().getXObjectNames().iterator().next());
            assertEquals("jpg", img.getSuffix(), "continuous tone is smaller as JPEG");
        }
    }

    @Test
    void bilevelPagesAreKeptLosslesslyAsCcittG4NeverJbig2() throws Exception {
        BufferedImage bw = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_BINARY);
        bw.getGraphics().drawImage(formPage(300), 0, 0, null);
        byte[] pdf = ArchiveAssembler.assemble(List.of(new ScannedPage(bw, 300, ScannedPage.Mode.BILEVEL),
                new ScannedPage(bw, 300, ScannedPage.Mode.BILEVEL)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            PDImageXObject img = (PDImageXObject) doc.getPage(1).getResources().getXObject(
                    doc.getPage(1).getResources().getXObjectNames().iterator().next());
            assertEquals(COSName.CCITTFAX_DECODE, img.getCOSObject().getCOSName(COSName.FILTER));
            assertTrue(!new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).contains("JBIG2"));
            BufferedImage decoded = img.getImage();
            for (int y = 0; y < bw.getHeight(); y += 97) {
                for (int x = 0; x < bw.getWidth(); x += 89) {
                    assertEquals(bw.getRGB(x, y) & 0xFFFFFF, decoded.getRGB(x, y) & 0xFFFFFF, "lossless at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aDocumentOverFiveMbIsRefusedWithALegibleResolutionOffered() {
        // Colour noise defeats JPEG: six such pages at 300 dpi cannot fit in 5 MB.
        BufferedImage noisy = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < noisy.getHeight(); y++) {
            for (int x = 0; x < noisy.getWidth(); x++) {
                noisy.setRGB(x, y, r.nextInt(0xFFFFFF));
            }
        }
        ScannedPage p = new ScannedPage(noisy, 300, ScannedPage.Mode.COLOUR);
        ArchiveTooLargeException e = assertThrows(ArchiveTooLargeException.class, () -> ArchiveAssembler.assemble(List.of(p, p)));
        assertTrue(e.bytes() > UploadValidator.MAX_BYTES);
        assertTrue(e.getMessage().contains("5 MB"), e.getMessage());
        assertTrue(e.suggestedDpi() == 0 || e.suggestedDpi() >= ArchiveAssembler.LEGIBLE_DPI, "never below legibility: " + e.suggestedDpi());
    }
}
