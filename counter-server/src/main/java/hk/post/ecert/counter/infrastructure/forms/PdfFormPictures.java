package hk.post.ecert.counter.infrastructure.forms;

import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.capture.CaptureRecords;
import hk.post.ecert.counter.domain.model.capture.FormPictures;
import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.archive.ScannedPage;
import hk.post.ecert.forms.render.FormDefinition;
import hk.post.ecert.forms.render.FormRenderer;
import hk.post.ecert.forms.scan.PageIdentifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pictures of capture drawn with PDFBox and read with ImageIO: a case's pre-filled forms as PDF and as printed
 * pages, received pages read back (with the QR mark {@link PageIdentifier} finds), thumbnails.
 */
@ApplicationScoped
public class PdfFormPictures implements FormPictures {

    /** The form a case of this type and variant fills in under this number (CPos 798F is the Server's own for Server). */
    private static FormDefinition definition(String typeCode, String variantCode, String formNumber) {
        FormId form = FormId.byNumber(formNumber);
        return form == FormId.CPOS_798FB
                ? FormDefinition.bank(FormDefinition.BankApplicationType.valueOf(variantCode))
                : form == FormId.CPOS_798F && "SERVER".equals(typeCode) ? FormDefinition.server() : FormDefinition.of(form);
    }

    @Override
    public byte[] form(String caseRef, String typeCode, String variantCode, String formNumber, Map<String, String> values) {
        try {
            return FormRenderer.render(definition(typeCode, variantCode, formNumber), caseRef, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int pageCount(String typeCode, String variantCode, String formNumber) {
        return FormRenderer.pageCount(definition(typeCode, variantCode, formNumber));
    }

    @Override
    public List<Object> printedPages(CaptureCase k) {
        List<Object> out = new ArrayList<>();
        for (String f : k.forms()) {
            try (PDDocument doc = Loader.loadPDF(form(k.caseRef(), k.typeCode(), k.variantCode(), f, k.formValues()))) {
                PDFRenderer r = new PDFRenderer(doc);
                for (int p = 0; p < doc.getNumberOfPages(); p++) {
                    BufferedImage img = r.renderImageWithDPI(p, 300, ImageType.GRAY);
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    ImageIO.write(img, "png", png);
                    out.add(Base64.getEncoder().encodeToString(png.toByteArray()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Override
    public String thumbnail(byte[] png) {
        try {
            return thumbnailOf(ImageIO.read(new ByteArrayInputStream(png)));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String thumbnailOf(BufferedImage img) {
        try {
            int w = 120;
            int h = Math.max(1, img.getHeight() * w / img.getWidth());
            BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = t.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(t, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public Optional<ReadPage> read(byte[] png, long maxPixels) {
        BufferedImage img;
        try {
            img = read(png);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        if (img == null) {
            return Optional.empty();
        }
        boolean withinLimit = (long) img.getWidth() * img.getHeight() <= maxPixels;
        return Optional.of(new ReadPage(img.getWidth(), img.getHeight(),
                withinLimit ? PageIdentifier.identify(img) : Optional.empty(), withinLimit ? thumbnailOf(img) : ""));
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ScannedPage scannedPage(CaptureRecords.Picture p) {
        ScannedPage.Mode mode = switch (p.mode()) {
            case "BILEVEL" -> ScannedPage.Mode.BILEVEL;
            case "COLOUR" -> ScannedPage.Mode.COLOUR;
            default -> ScannedPage.Mode.GREY;
        };
        return new ScannedPage(read(p.png()), p.dpi(), mode);
    }
}
