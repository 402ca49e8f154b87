package hk.post.ecert.counter.domain.model.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A case's document capture: the forms it needs (with their page counts) and the supporting documents to scan, and
 * the rules of its checklist — every form page and every required document captured before it is submitted, and
 * nothing changed after.
 */
public record CaptureCase(String caseRef, String typeCode, String variantCode, List<String> forms, List<Integer> formPages,
                          List<String> documents, Map<String, String> formValues, Instant submittedAt, String submittedBy) {

    /** Documents seen at the counter but never kept (rule: the HKID card is checked, not copied). */
    public static final Set<String> NOT_SCANNED = Set.of("FORM", "HKID_ORIGINAL_SEEN");

    /** A scanned page as the checklist sees it: a form page found by its QR, or a page the clerk labelled. */
    public record Page(String pageId, String jobId, int seq, int dpi, String sha256, String form, Integer formPage,
                       String label, String status, String thumbnail) {
        public boolean identified() {
            return form != null;
        }
    }

    /** One line of the case's document checklist. */
    public record ChecklistItem(String key, String form, Integer page, String document, boolean required, boolean done) {
    }

    /** A stored document of a submitted case. */
    public record StoredDocument(String docKey, String sha256, long bytes, int pages, Instant storedAt) {
    }

    /** A case reference has 3–41 letters, digits or hyphens; it is kept upper-case. */
    /** The form fields that hold "the e-mail address to be included in the e-Cert" (CPos 798A, 798F, 798FB). */
    public static final List<String> EMAIL_IN_CERTIFICATE = List.of("email_in_cert", "holder_email", "cert_email");

    /**
     * The e-mail address the form asks to include in the certificate (issue 29: the 798 declaration promises it), when
     * one was entered and looks like an address; never the contact e-mail, which the form says is not in the e-Cert.
     */
    public Optional<String> emailInCertificate() {
        return EMAIL_IN_CERTIFICATE.stream().map(formValues::get).filter(v -> v != null && !v.isBlank()).map(String::trim)
                .filter(v -> v.length() <= 128 && v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")).findFirst();
    }

    public static String normalise(String caseRef) {
        String r = caseRef == null ? "" : caseRef.trim().toUpperCase();
        if (!r.matches("[A-Z0-9][A-Z0-9-]{2,40}")) {
            throw new CaptureRefusal("A case reference has 3–41 letters, digits or hyphens.", "個案編號須為 3 至 41 個英文字母、數字或連字號。");
        }
        return r;
    }

    /** The variant's documents that are scanned (the form itself and the HKID card seen are not). */
    public static List<String> documentsToScan(List<String> variantDocuments) {
        return variantDocuments.stream().filter(d -> !NOT_SCANNED.contains(d)).toList();
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /** Nothing of a submitted case changes. */
    public void requireOpen() {
        if (submitted()) {
            throw new CaptureRefusal("Case " + caseRef + " was submitted: its documents no longer change.",
                    "個案 " + caseRef + " 已遞交：文件不可再更改。");
        }
    }

    /** The form to print is one of the case's. */
    public void requireForm(String formNumber) {
        if (!forms.contains(formNumber)) {
            throw new CaptureRefusal("This case does not use " + formNumber + ".", "此個案不需要 " + formNumber + "。");
        }
    }

    /** A label is one of the case's supporting documents (or none, to clear it). */
    public void requireLabel(String document) {
        requireOpen();
        if (document != null && !document.isBlank() && !documents.contains(document)) {
            throw new CaptureRefusal("That document is not on this case's checklist.", "該文件不在此個案的清單上。");
        }
    }

    /** Every form page and every supporting document the case needs, ticked when captured. */
    public List<ChecklistItem> checklist(List<Page> pages) {
        List<ChecklistItem> out = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String f = forms.get(i);
            for (int p = 1; p <= formPages.get(i); p++) {
                int page = p;
                boolean done = pages.stream().anyMatch(x -> f.equals(x.form()) && Integer.valueOf(page).equals(x.formPage()));
                out.add(new ChecklistItem(f + " p." + p, f, p, null, true, done));
            }
        }
        for (String d : documents) {
            boolean done = pages.stream().anyMatch(x -> d.equals(x.label()));
            // a document needed only "if changed" is optional
            out.add(new ChecklistItem(d, null, null, d, !d.endsWith("_IF_CHANGED"), done));
        }
        return out;
    }

    /** A case is submitted once, complete: every required line of its checklist done. */
    /** Whether every required form page and document is captured and the case is not yet submitted. */
    public boolean readyToSubmit(List<Page> pages) {
        return !submitted() && checklist(pages).stream().noneMatch(i -> i.required() && !i.done());
    }

    public void requireComplete(List<Page> pages) {
        requireOpen();
        List<ChecklistItem> missing = checklist(pages).stream().filter(i -> i.required() && !i.done()).toList();
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing.stream().map(ChecklistItem::key).toList());
            throw new CaptureRefusal("Not everything is captured yet: " + list + ".", "尚未齊備：" + list + "。");
        }
    }
}
