package hk.post.ecert.forms.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the field values of a filled CPos 798 AcroForm PDF (ours, filled on screen or in a PDF viewer). */
public final class FormReader {

    private FormReader() {
    }

    /** Field name → value, for every field with a value; empty when the PDF has no form. */
    public static Map<String, String> read(byte[] pdf) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm acro = doc.getDocumentCatalog().getAcroForm();
            if (acro == null) {
                return out;
            }
            for (PDField f : acro.getFieldTree()) {
                String v = f.getValueAsString();
                if (v != null && !v.isBlank()) {
                    out.put(f.getFullyQualifiedName(), v);
                }
            }
        }
        return out;
    }
}
