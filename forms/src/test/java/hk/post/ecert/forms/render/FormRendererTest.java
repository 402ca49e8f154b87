package hk.post.ecert.forms.render;

import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.scan.PageIdentifier;
import hk.post.ecert.forms.upload.UploadValidator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormRendererTest {

    static final Map<String, String> CHAN = Map.of("surname", "CHAN", "given_name", "TAI MAN", "title", "Mr",
            "chinese_name", "陳大文", "hkid", "A123456(3)", "date_of_birth", "01/02/1980", "email_in_cert", "chan@example.hk",
            FormRenderer.PIN_ENVELOPE_FIELD, "PE-000123");

    /** A case knows its pages without rendering: the count from the layout is the rendered one, for every form. */
    @Test
    void theLayoutsPageCountIsTheRenderedOneForEveryForm() throws Exception {
        java.util.List<FormDefinition> all = new java.util.ArrayList<>();
        for (FormId f : FormId.values()) {
            if (FormDefinition.of(f) != null) {
                all.add(FormDefinition.of(f));
            }
        }
        all.add(FormDefinition.server());
        for (FormDefinition.BankApplicationType t : FormDefinition.BankApplicationType.values()) {
            all.add(FormDefinition.bank(t));
        }
        for (FormDefinition def : all) {
            try (PDDocument doc = Loader.loadPDF(FormRenderer.render(def, "RC-2026-000042", CHAN))) {
                assertEquals(doc.getNumberOfPages(), FormRenderer.pageCount(def), def.form().number());
            }
        }
    }

    @Test
    void aPrefilledPersonalFormRendersChineseNamesAndReadsBack() throws Exception {
        byte[] pdf = FormRenderer.render(FormDefinition.of(FormId.CPOS_798A), "RC-2026-000042", CHAN);
        UploadValidator.validate(pdf, UploadValidator.Purpose.RENEWAL_FORM);   // our own form passes our upload rules
        assertTrue(pdf.length < 5 * 1024 * 1024);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("陳大文"), "the Chinese name is on the page with a ToUnicode map");
            assertTrue(text.contains("電子證書（個人）申請表格") && text.contains("e-Cert (Personal) Application Form"), text);
            assertTrue(text.contains("For use by Hongkong Post only") && text.contains("只供香港郵政填寫"), text);
            assertTrue(text.contains("PE-000123"), text);
        }
        Map<String, String> back = FormReader.read(pdf);
        CHAN.forEach((k, v) -> assertEquals(v, back.get(k), k));
        assertEquals("RC-2026-000042", back.get(FormRenderer.CASE_FIELD));
        assertEquals("CPos 798A", back.get(FormRenderer.FORM_FIELD));
    }

    @Test
    void theCpos798aDeclarationCarriesEveryPublishedPointInFull() throws Exception {
        byte[] pdf = FormRenderer.render(FormDefinition.of(FormId.CPOS_798A), "RC-2026-000044", CHAN);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String point : new String[] {"is true and supersedes any information I gave before",
                    "Subscriber Terms and Conditions and the Certification Practice Statement",
                    "generating the key pair on my behalf", "my HKID number (encrypted) and my e-mail address being included in the e-Cert",
                    "cannot be changed during its validity"}) {
                assertTrue(text.contains(point), "declaration point: " + point + " in\n" + text);
            }
            String zh = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(zh.contains("經加密的香港身份證號碼") && zh.contains("本人明白電子證書的內容在有效期內不能更改"), zh);
        }
    }

    @Test
    void cpos798bfForARenewalWithAChangedArHasSectionsABAndDOnly() {
        assertEquals(java.util.List.of("A", "B", "D"),
                FormDefinition.bank(FormDefinition.BankApplicationType.RENEWAL_AR_CHANGED).sections().stream().map(FormSection::code).toList());
        assertEquals(java.util.List.of("A", "B", "D"),
                FormDefinition.bank(FormDefinition.BankApplicationType.RENEWAL_AR_UNCHANGED).sections().stream().map(FormSection::code).toList());
    }

    @Test
    void cpos798fForAServerCarriesTheNamesTheVariantTheAdditionalServersAndTheTerm() throws Exception {
        Map<String, String> values = Map.of("org_name_en", "DEMO TRADING LIMITED", "server_variant", "\"Wildcard\"",
                "server_names", "*.demo-trading.hk", "additional_servers", "3", "validity_years", "2");
        byte[] pdf = FormRenderer.render(FormDefinition.server(), "RC-2026-000045", values);
        Map<String, String> back = FormReader.read(pdf);
        values.forEach((k, v) -> assertEquals(v, back.get(k), k));
        assertEquals("CPos 798F", back.get(FormRenderer.FORM_FIELD));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("*.demo-trading.hk") && text.contains("Number of additional servers"), text);
        }
    }

    @Test
    void aFieldFilledInAViewerReadsBack() throws Exception {
        byte[] pdf = FormRenderer.render(FormDefinition.of(FormId.CPOS_798A), "RC-2026-000043", Map.of("surname", "WONG"));
        byte[] filled;
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDAcroForm acro = doc.getDocumentCatalog().getAcroForm();
            acro.getField("phone").setValue("2921 2222");
            acro.getField("addr_district").setValue("Wan Chai");
            doc.save(out);
            filled = out.toByteArray();
        }
        Map<String, String> back = FormReader.read(filled);
        assertEquals("2921 2222", back.get("phone"));
        assertEquals("Wan Chai", back.get("addr_district"));
        assertEquals("WONG", back.get("surname"));
        assertFalse(back.containsKey("contact_email"));
    }

    @ParameterizedTest
    @EnumSource(FormId.class)
    void everyPageOfEveryFormCarriesItsQrAt150Dpi(FormId form) throws Exception {
        byte[] pdf = FormRenderer.render(FormDefinition.of(form), "RC-" + form.ordinal(), Map.of());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage img = r.renderImageWithDPI(p, 150, ImageType.GRAY);
                Optional<PageMark> mark = PageIdentifier.identify(img);
                assertEquals(Optional.of(new PageMark("RC-" + form.ordinal(), form, p + 1)), mark, form + " page " + (p + 1));
            }
        }
    }

    @Test
    void bankCertFormFillsTheSectionsOfItsApplicationType() {
        assertEquals(java.util.List.of("A", "B", "C"), FormDefinition.bank(FormDefinition.BankApplicationType.NEW_ONLY)
                .sections().stream().map(FormSection::code).toList());
        assertEquals(java.util.List.of("A", "B", "C", "D"), FormDefinition.bank(FormDefinition.BankApplicationType.NEW_AND_RENEWAL)
                .sections().stream().map(FormSection::code).toList());
        assertEquals(java.util.List.of("A", "B", "D"), FormDefinition.bank(FormDefinition.BankApplicationType.RENEWAL_AR_UNCHANGED)
                .sections().stream().map(FormSection::code).toList());
    }
}
