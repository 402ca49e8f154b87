package hk.post.ecert.forms.render;

import com.google.zxing.common.BitMatrix;
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.scan.PageQr;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a pre-filled, bilingual CPos 798 form for a case: each field a labelled box (English and Traditional
 * Chinese) that is also an AcroForm text field, the values the counter already knows printed in them, and on every
 * page the "For use by Hongkong Post only" box and a QR code saying which case, form and page it is. Field values
 * are stored in the AcroForm too, so a filled PDF reads back with {@link FormReader}.
 */
public final class FormRenderer {

    /** Hidden fields carrying the case and form on every rendered PDF. */
    public static final String CASE_FIELD = "hkp_case_reference";
    public static final String FORM_FIELD = "hkp_form";
    public static final String PIN_ENVELOPE_FIELD = "hkp_pin_envelope";

    private static final float MARGIN = 40;
    private static final float ROW = 30;
    private static final float BOX_X = 300;
    private static final float TOP = 842 - 120;
    private static final float BOTTOM = 175;

    private FormRenderer() {
    }

    /**
     * How many pages the form has: its layout depends on its sections and fields only, never on the values filled in,
     * so a case knows its pages without rendering anything.
     */
    public static int pageCount(FormDefinition def) {
        return layout(def).size();
    }

    /** The rows of each page: a section heading, then its fields, a new page where the next row would not fit. */
    private static List<List<Object>> layout(FormDefinition def) {
        List<Object> rows = new ArrayList<>();
        for (FormSection s : def.sections()) {
            rows.add(s);
            rows.addAll(s.fields());
        }
        List<List<Object>> pages = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        float y = TOP;
        for (Object r : rows) {
            float h = r instanceof FormField f ? ROW * f.lines() : ROW;
            if (y - h < BOTTOM || (r instanceof FormSection && y - 3 * ROW < BOTTOM)) {
                pages.add(current);
                current = new ArrayList<>();
                y = TOP;
            }
            current.add(r);
            y -= h;
        }
        pages.add(current);
        return pages;
    }

    public static byte[] render(FormDefinition def, String caseReference, Map<String, String> values) throws IOException {
        try (PDDocument doc = new PDDocument(); CjkFont cjk = new CjkFont(doc);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont helv = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDAcroForm acro = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(acro);
            PDResources dr = new PDResources();
            COSName helvName = dr.add(helv);
            acro.setDefaultResources(dr);
            acro.setDefaultAppearance("/" + helvName.getName() + " 10 Tf 0 g");
            acro.setNeedAppearances(true);

            List<List<Object>> pages = layout(def);

            List<org.apache.pdfbox.pdmodel.interactive.form.PDField> fields = new ArrayList<>();
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PageMark mark = new PageMark(caseReference, def.form(), p + 1);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    text(cs, bold, 9, 555 - bold.getStringWidth(def.form().number()) / 1000 * 9, 842 - 40, def.form().number());
                    text(cs, bold, 13, MARGIN, 842 - 60, def.form().titleEn());
                    text(cs, cjk.font, 12, MARGIN, 842 - 78, def.form().titleZh());
                    text(cs, helv, 8, MARGIN, 842 - 94, "Please use English block letters where a field asks for English.");
                    text(cs, cjk.font, 8, MARGIN + 260, 842 - 94, "英文欄位請以英文正楷填寫。");
                    float yy = TOP;
                    for (Object r : pages.get(p)) {
                        if (r instanceof FormSection s) {
                            cs.setNonStrokingColor(new Color(0xE6, 0xEE, 0xF5));
                            cs.addRect(MARGIN, yy - ROW + 6, 555 - MARGIN, ROW - 8);
                            cs.fill();
                            cs.setNonStrokingColor(Color.BLACK);
                            text(cs, bold, 10, MARGIN + 4, yy - 12, s.titleEn());
                            text(cs, cjk.font, 9, MARGIN + 4, yy - 22, s.titleZh());
                            yy -= ROW;
                        } else {
                            FormField f = (FormField) r;
                            float h = ROW * f.lines();
                            PDRectangle box;
                            if (f.lines() > STATEMENT_LINES) {
                                // a statement (a declaration) is printed in full across the page; the box below takes the tick
                                drawStatement(cs, helv, cjk.font, f, yy);
                                box = new PDRectangle(555 - 120, yy - h + 6, 120, ROW - 10);
                            } else {
                                drawLabel(cs, helv, cjk.font, f, yy, f.lines());
                                box = new PDRectangle(BOX_X, yy - h + 6, 555 - BOX_X, h - 10);
                            }
                            cs.setStrokingColor(Color.GRAY);
                            cs.addRect(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
                            cs.stroke();
                            String value = values.getOrDefault(f.name(), "");
                            if (!value.isBlank()) {
                                text(cs, cjk.font, 11, BOX_X + 4, box.getLowerLeftY() + box.getHeight() / 2 - 4, value);
                            }
                            fields.add(field(acro, page, f.name(), box, value));
                            yy -= h;
                        }
                    }
                    hongkongPostBox(cs, helv, bold, cjk.font, caseReference, p + 1, pages.size(), values);
                    if (p == 0) {
                        fields.add(field(acro, page, PIN_ENVELOPE_FIELD, new PDRectangle(MARGIN + 130, 78, 150, 16),
                                values.getOrDefault(PIN_ENVELOPE_FIELD, "")));
                        fields.add(field(acro, page, CASE_FIELD, new PDRectangle(0, 0, 0, 0), caseReference));
                        fields.add(field(acro, page, FORM_FIELD, new PDRectangle(0, 0, 0, 0), def.form().number()));
                    }
                    qr(cs, mark);
                }
            }
            acro.setFields(fields);
            doc.getDocumentInformation().setTitle(def.form().number() + " " + caseReference);
            doc.getDocumentInformation().setSubject(def.form().titleEn());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void drawLabel(PDPageContentStream cs, PDFont latin, PDFont cjk, FormField f, float y, int lines) throws IOException {
        List<String> en = wrap(f.labelEn(), latin, 9, BOX_X - MARGIN - 8);
        float yy = y - 11;
        for (String line : en) {
            text(cs, latin, 9, MARGIN, yy, line);
            yy -= 10;
        }
        text(cs, cjk, 8, MARGIN, yy, f.labelZh().length() > 40 ? f.labelZh().substring(0, 40) + "…" : f.labelZh());
    }

    /** Fields of more lines than this are statements printed in full across the page (a declaration). */
    static final int STATEMENT_LINES = 3;

    private static void drawStatement(PDPageContentStream cs, PDFont latin, PDFont cjk, FormField f, float y) throws IOException {
        float width = 555 - MARGIN;
        float yy = y - 10;
        for (String line : wrapAll(f.labelEn(), latin, 8, width)) {
            text(cs, latin, 8, MARGIN, yy, line);
            yy -= 9.5f;
        }
        yy -= 2;
        for (String line : wrapChars(f.labelZh(), cjk, 8, width)) {
            text(cs, cjk, 8, MARGIN, yy, line);
            yy -= 10;
        }
    }

    /** Every line of {@code s} wrapped at word boundaries to {@code width}. */
    static List<String> wrapAll(String s, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(next) / 1000 * size > width && line.length() > 0) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        out.add(line.toString());
        return out;
    }

    /** Every line of a Chinese text wrapped by character to {@code width}. */
    static List<String> wrapChars(String s, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String next = line.toString() + new String(Character.toChars(cp));
            if (font.getStringWidth(next) / 1000 * size > width && line.length() > 0) {
                out.add(line.toString());
                line = new StringBuilder(new String(Character.toChars(cp)));
            } else {
                line = new StringBuilder(next);
            }
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }

    /** A label's lines: wrapped as {@link #wrapAll}, at most three. */
    private static List<String> wrap(String s, PDFont font, float size, float width) throws IOException {
        List<String> out = wrapAll(s, font, size, width);
        return out.size() > 3 ? out.subList(0, 3) : out;
    }

    private static PDTextField field(PDAcroForm acro, PDPage page, String name, PDRectangle rect, String value) throws IOException {
        PDTextField tf = new PDTextField(acro);
        tf.setPartialName(name);
        tf.setDefaultAppearance(acro.getDefaultAppearance());
        PDAnnotationWidget w = tf.getWidgets().get(0);
        w.setRectangle(rect);
        w.setPage(page);
        w.setPrinted(true);
        page.getAnnotations().add(w);
        if (value != null && !value.isEmpty()) {
            // The value is printed on the page in the embedded Chinese font; the field keeps it for reading back and is
            // hidden so a viewer does not draw it a second time.
            tf.getCOSObject().setString(COSName.V, value);
            w.setHidden(true);
            w.setPrinted(false);
        }
        return tf;
    }

    private static void hongkongPostBox(PDPageContentStream cs, PDFont helv, PDFont bold, PDFont cjk, String caseReference,
                                        int page, int pages, Map<String, String> values) throws IOException {
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth(1.2f);
        cs.addRect(MARGIN, 40, 400, 110);
        cs.stroke();
        text(cs, bold, 10, MARGIN + 6, 134, "For use by Hongkong Post only");
        text(cs, cjk, 9, MARGIN + 190, 134, "只供香港郵政填寫");
        text(cs, helv, 9, MARGIN + 6, 114, "Case reference:");
        text(cs, bold, 10, MARGIN + 130, 114, caseReference);
        text(cs, helv, 9, MARGIN + 6, 96, "Page:");
        text(cs, helv, 9, MARGIN + 130, 96, page + " / " + pages);
        if (page == 1) {
            text(cs, helv, 9, MARGIN + 6, 82, "PIN Envelope No.:");
            text(cs, cjk, 8, MARGIN + 6, 72, "密碼信封編號");
            cs.addRect(MARGIN + 130, 78, 150, 16);
            cs.stroke();
            String pin = values.getOrDefault(PIN_ENVELOPE_FIELD, "");
            if (!pin.isBlank()) {
                text(cs, helv, 10, MARGIN + 134, 82, pin);
            }
        }
        text(cs, helv, 8, MARGIN + 6, 48, "Received by / date:  ____________________");
    }

    /** The page mark's QR drawn as vector squares, 2 pt (0.7 mm) a module: sharp at 150 and 300 dpi. */
    private static void qr(PDPageContentStream cs, PageMark mark) throws IOException {
        BitMatrix m = PageQr.matrix(mark);
        float module = 2f;
        float size = m.getWidth() * module;
        float x0 = 555 - size;
        float y0 = 40;
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x0, y0, size, size);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    cs.addRect(x0 + x * module, y0 + size - (y + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
