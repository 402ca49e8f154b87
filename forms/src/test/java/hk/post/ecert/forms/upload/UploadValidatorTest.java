package hk.post.ecert.forms.upload;

import hk.post.ecert.forms.DocumentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus of bad uploads, each refused with its own message, and the good ones accepted. */
class UploadValidatorTest {

    enum Bad { EMPTY, RENAMED_PROGRAM, GIF, TOO_LARGE, JPEG_AS_FORM, TRUNCATED_PDF, ENCRYPTED_PDF, JAVASCRIPT_PDF,
        LAUNCH_PDF, EMBEDDED_FILE_PDF, BROKEN_PNG, PNG_BOMB }

    private static final Map<Bad, RefusalReason> EXPECTED = Map.ofEntries(
            Map.entry(Bad.EMPTY, RefusalReason.EMPTY),
            Map.entry(Bad.RENAMED_PROGRAM, RefusalReason.UNSUPPORTED_TYPE),
            Map.entry(Bad.GIF, RefusalReason.UNSUPPORTED_TYPE),
            Map.entry(Bad.TOO_LARGE, RefusalReason.TOO_LARGE),
            Map.entry(Bad.JPEG_AS_FORM, RefusalReason.FORM_MUST_BE_PDF),
            Map.entry(Bad.TRUNCATED_PDF, RefusalReason.PDF_TRUNCATED),
            Map.entry(Bad.ENCRYPTED_PDF, RefusalReason.PDF_ENCRYPTED),
            Map.entry(Bad.JAVASCRIPT_PDF, RefusalReason.PDF_JAVASCRIPT),
            Map.entry(Bad.LAUNCH_PDF, RefusalReason.PDF_LAUNCH_ACTION),
            Map.entry(Bad.EMBEDDED_FILE_PDF, RefusalReason.PDF_EMBEDDED_FILES),
            Map.entry(Bad.BROKEN_PNG, RefusalReason.IMAGE_UNREADABLE),
            Map.entry(Bad.PNG_BOMB, RefusalReason.IMAGE_TOO_MANY_PIXELS));

    static byte[] pdf(java.util.function.Consumer<PDDocument> change) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("CPos 798A test page");
                cs.endText();
            }
            change.accept(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format, int w, int h, int type) throws IOException {
        BufferedImage img = new BufferedImage(w, h, type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static byte[] bad(Bad kind) throws IOException {
        return switch (kind) {
            case EMPTY -> new byte[0];
            case RENAMED_PROGRAM -> ("MZ\u0090\u0000 this is form.pdf, honestly").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            case GIF -> image("gif", 10, 10, BufferedImage.TYPE_INT_RGB);
            case TOO_LARGE -> {
                byte[] big = new byte[6 * 1024 * 1024];
                new Random(1).nextBytes(big);
                byte[] jpeg = image("jpg", 10, 10, BufferedImage.TYPE_INT_RGB);
                System.arraycopy(jpeg, 0, big, 0, jpeg.length);
                yield big;
            }
            case JPEG_AS_FORM -> image("jpg", 100, 100, BufferedImage.TYPE_INT_RGB);
            case TRUNCATED_PDF -> {
                byte[] whole = pdf(d -> { });
                yield Arrays.copyOf(whole, whole.length / 2);
            }
            case ENCRYPTED_PDF -> pdf(d -> {
                try {
                    StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "user", new AccessPermission());
                    p.setEncryptionKeyLength(256);
                    d.protect(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            case JAVASCRIPT_PDF -> pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
            case LAUNCH_PDF -> pdf(d -> {
                PDActionLaunch launch = new PDActionLaunch();
                launch.setFile(new PDComplexFileSpecification());
                d.getDocumentCatalog().setOpenAction(launch);
            });
            case EMBEDDED_FILE_PDF -> pdf(d -> {
                try {
                    PDComplexFileSpecification spec = new PDComplexFileSpecification();
                    spec.setFile("payload.exe");
                    spec.setEmbeddedFile(new PDEmbeddedFile(d, new ByteArrayInputStream(new byte[]{1, 2, 3})));
                    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                    tree.setNames(Map.of("payload.exe", spec));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                    names.setEmbeddedFiles(tree);
                    d.getDocumentCatalog().setNames(names);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            case BROKEN_PNG -> {
                byte[] png = image("png", 200, 200, BufferedImage.TYPE_INT_RGB);
                yield Arrays.copyOf(png, png.length - 40);
            }
            // 20000 x 20000 bilevel: a few KB on disk, 400 megapixels once decoded.
            case PNG_BOMB -> image("png", 20_000, 20_000, BufferedImage.TYPE_BYTE_BINARY);
        };
    }

    @ParameterizedTest(name = "{0} is refused")
    @EnumSource(Bad.class)
    void eachBadUploadIsRefusedWithItsOwnMessage(Bad kind) throws IOException {
        byte[] bytes = bad(kind);
        UploadValidator.Purpose purpose = kind == Bad.JPEG_AS_FORM ? UploadValidator.Purpose.RENEWAL_FORM
                : UploadValidator.Purpose.SUPPORTING_DOCUMENT;
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> UploadValidator.validate(bytes, purpose));
        assertEquals(EXPECTED.get(kind), e.reason(), e.getMessage());
        assertTrue(e.getMessage().length() > 15 && e.getMessage().endsWith(".") || e.getMessage().contains(":"), e.getMessage());
        if (kind == Bad.PNG_BOMB) {
            assertTrue(bytes.length < 200_000, "the bomb is small on disk: " + bytes.length);
            assertTrue(e.getMessage().contains("20000 × 20000"), e.getMessage());
        }
        if (kind == Bad.RENAMED_PROGRAM) {
            assertTrue(e.getMessage().contains("Windows program"), e.getMessage());
        }
    }

    @Test
    void aCleanPdfFormAndImagesAreAccepted() throws IOException, UploadRefusedException {
        byte[] form = pdf(d -> { });
        AcceptedDocument a = UploadValidator.validate(form, UploadValidator.Purpose.RENEWAL_FORM);
        assertEquals(DocumentType.PDF, a.type());
        assertEquals(1, a.pages());
        assertEquals(64, a.sha256().length());
        try (PDDocument reloaded = Loader.loadPDF(form)) {
            assertEquals(1, reloaded.getNumberOfPages());
        }
        AcceptedDocument jpeg = UploadValidator.validate(image("jpg", 1240, 1754, BufferedImage.TYPE_INT_RGB),
                UploadValidator.Purpose.SUPPORTING_DOCUMENT);
        assertEquals(DocumentType.JPEG, jpeg.type());
        assertEquals(1240, jpeg.width());
        AcceptedDocument png = UploadValidator.validate(image("png", 300, 400, BufferedImage.TYPE_BYTE_GRAY),
                UploadValidator.Purpose.SUPPORTING_DOCUMENT);
        assertEquals(DocumentType.PNG, png.type());
        assertEquals(400, png.height());
    }
}
