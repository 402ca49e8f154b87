package hk.post.ecert.counter.application.capture;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.TerminalEnrolment;
import hk.post.ecert.counter.application.TerminalHealth;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRecord;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRepository;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;
import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.archive.ArchiveAssembler;
import hk.post.ecert.forms.archive.ArchiveTooLargeException;
import hk.post.ecert.forms.archive.ScannedPage;
import hk.post.ecert.forms.render.FormDefinition;
import hk.post.ecert.forms.render.FormRenderer;
import hk.post.ecert.forms.scan.PageIdentifier;
import hk.post.ecert.forms.upload.AcceptedDocument;
import hk.post.ecert.forms.upload.UploadRefusedException;
import hk.post.ecert.forms.upload.UploadValidator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Document capture for a case: the pre-filled forms to print, scans from the counter's terminal (each page uploaded
 * and signed by the terminal), page identification by QR, the clerk's labels for supporting documents, re-scans of
 * one page, and the submission — one archived, validated PDF per document with its SHA-256, after which nothing of
 * the case changes.
 */
@ApplicationScoped
public class CaptureDesk {

    private static final Logger LOG = Logger.getLogger(CaptureDesk.class.getName());
    /** Documents seen at the counter but never kept (rule: the HKID card is checked, not copied). */
    static final Set<String> NOT_SCANNED = Set.of("FORM", "HKID_ORIGINAL_SEEN");
    static final Duration SCAN_JOB_LIFETIME = Duration.ofMinutes(10);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Triage triage;

    @Inject
    DeviceJobs jobs;

    @Inject
    DeviceJobRepository jobRecords;

    @Inject
    TerminalRepository terminals;

    @Inject
    CounterOverview counters;

    /** A case's capture as the screen shows it. */
    public record CaptureCase(String caseRef, String typeCode, String variantCode, List<String> forms, List<Integer> formPages,
                              List<String> documents, Map<String, String> formValues, Instant submittedAt, String submittedBy) {
        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** A scanned page as the screen shows it. */
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

    private <T> T db(hk.post.ecert.counter.application.Sql.Work<T> w) {
        return hk.post.ecert.counter.application.Sql.run(dataSource, w);
    }

    // ---------------------------------------------------------------- the case

    /** Opens capture for a case (a repeat answers with the case as it is). */
    @Transactional
    public CaptureCase open(String caseRef, String typeCode, String variantCode, Map<String, String> formValues, String clerk) {
        String ref = normalise(caseRef);
        Optional<CaptureCase> existing = find(ref);
        if (existing.isPresent()) {
            return existing.get();
        }
        Variant v = triage.catalogue().type(typeCode).variant(variantCode);
        if (v.forms().isEmpty()) {
            throw new CaptureRefusal("This certificate has no counter form to capture (it is a referral).",
                    "此證書類別沒有櫃位表格（須轉介）。");
        }
        List<Integer> pages = new ArrayList<>();
        for (String f : v.forms()) {
            pages.add(pageCount(render(ref, typeCode, variantCode, f, formValues)));
        }
        List<String> docs = v.documents().stream().filter(d -> !NOT_SCANNED.contains(d)).toList();
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO capture_case (case_ref, type_code, variant_code, forms,"
                    + " form_pages, documents, form_values, opened_by, opened_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                s.setString(1, ref);
                s.setString(2, typeCode);
                s.setString(3, variantCode);
                s.setString(4, String.join(",", v.forms()));
                s.setString(5, String.join(",", pages.stream().map(String::valueOf).toList()));
                s.setString(6, String.join(",", docs));
                s.setString(7, Json.write(new LinkedHashMap<>(formValues)));
                s.setString(8, clerk);
                s.setTimestamp(9, Timestamp.from(Instant.now()));
                return s.executeUpdate();
            }
        });
        return find(ref).orElseThrow();
    }

    static String normalise(String caseRef) {
        String r = caseRef == null ? "" : caseRef.trim().toUpperCase();
        if (!r.matches("[A-Z0-9][A-Z0-9-]{2,40}")) {
            throw new CaptureRefusal("A case reference has 3–41 letters, digits or hyphens.", "個案編號須為 3 至 41 個英文字母、數字或連字號。");
        }
        return r;
    }

    @Transactional
    public Optional<CaptureCase> find(String caseRef) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT case_ref, type_code, variant_code, forms, form_pages, documents,"
                    + " form_values, submitted_at, submitted_by FROM capture_case WHERE case_ref = ?")) {
                s.setString(1, caseRef);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    Json.readObject(rs.getString(7)).forEach((k, x) -> values.put(k, String.valueOf(x)));
                    Timestamp sub = rs.getTimestamp(8);
                    return Optional.of(new CaptureCase(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                            split(rs.getString(5)).stream().map(Integer::valueOf).toList(), split(rs.getString(6)), values,
                            sub == null ? null : sub.toInstant(), rs.getString(9)));
                }
            }
        });
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    /** The pre-filled form PDF to print for the customer to check and sign. */
    public byte[] formPdf(CaptureCase k, String formNumber) {
        if (!k.forms().contains(formNumber)) {
            throw new CaptureRefusal("This case does not use " + formNumber + ".", "此個案不需要 " + formNumber + "。");
        }
        return render(k.caseRef(), k.typeCode(), k.variantCode(), formNumber, k.formValues());
    }

    static byte[] render(String caseRef, String typeCode, String variantCode, String formNumber, Map<String, String> values) {
        FormId form = FormId.byNumber(formNumber);
        FormDefinition def = form == FormId.CPOS_798FB
                ? FormDefinition.bank(FormDefinition.BankApplicationType.valueOf(variantCode))
                : form == FormId.CPOS_798F && "SERVER".equals(typeCode) ? FormDefinition.server() : FormDefinition.of(form);
        try {
            return FormRenderer.render(def, caseRef, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireOpen(CaptureCase k) {
        if (k.submitted()) {
            throw new CaptureRefusal("Case " + k.caseRef() + " was submitted: its documents no longer change.",
                    "個案 " + k.caseRef() + " 已遞交：文件不可再更改。");
        }
    }

    // ---------------------------------------------------------------- scanning

    /**
     * Asks the clerk's terminal to scan: the feeder for a batch, or the flatbed for one page that replaces
     * {@code replacesPageId}. The job id is chosen by the screen before the first submit.
     */
    @Transactional
    public String scan(String jobId, CaptureCase k, String clerk, boolean feeder, String replacesPageId) {
        requireOpen(k);
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        String terminalId = counters.terminalAt(place).orElseThrow(() -> new CaptureRefusal(
                "No enrolled terminal at this counter.", "此櫃位沒有已登記的終端機。"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("case", k.caseRef());
        payload.put("source", feeder ? "ADF" : "FLATBED");
        payload.put("mode", "GREY");
        payload.put("dpi", 300);
        if (replacesPageId != null) {
            payload.put("replaces", replacesPageId);
        }
        if (simulatedScannerAt(terminalId) && feeder) {
            // DEMO: the counter's scanner is the simulator; it is handed the case's forms as they would come back
            // from the printer, so the demo can scan "the printed form".
            payload.put("simulatorPages", printedPages(k));
        }
        return jobs.submitOnce(jobId, terminalId, JobKind.SCAN_DOCUMENTS, payload,
                (feeder ? "Scan documents for " : "Re-scan a page of ") + k.caseRef(), clerk, SCAN_JOB_LIFETIME);
    }

    private boolean simulatedScannerAt(String terminalId) {
        return terminals.find(terminalId).map(TerminalHealth::devicesOf).orElse(List.of()).stream()
                .anyMatch(d -> d.kind() == DeviceKind.SCANNER && "simulated".equals(d.model()));
    }

    private static List<Object> printedPages(CaptureCase k) {
        List<Object> out = new ArrayList<>();
        for (String f : k.forms()) {
            try (PDDocument doc = Loader.loadPDF(render(k.caseRef(), k.typeCode(), k.variantCode(), f, k.formValues()))) {
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

    /**
     * Whether an enrolled terminal signed this page of one of its own scan jobs: everything the upload's headers say,
     * checked before its body is read (an unauthenticated peer cannot make the server read megabytes).
     */
    @Transactional
    public DeviceJobRecord authorisePage(String terminalId, String jobId, int seq, String sha256, String signature) {
        Terminal t = terminals.find(terminalId).filter(Terminal::enrolled)
                .orElseThrow(() -> new SecurityException("unknown or revoked terminal " + terminalId));
        if (!TerminalEnrolment.verify(t.publicKey().orElseThrow(), Protocol.signedPage(terminalId, jobId, seq, sha256), signature)) {
            throw new SecurityException("the page's signature does not verify");
        }
        return jobRecords.find(jobId).filter(j -> j.terminalId().equals(terminalId))
                .filter(j -> JobKind.SCAN_DOCUMENTS.name().equals(j.kind()))
                .orElseThrow(() -> new SecurityException("job " + jobId + " is not a scan job of " + terminalId));
    }

    /**
     * A page uploaded by a terminal: the terminal must be enrolled, its signature over the page must verify, and
     * the job must be its own open scan job. The page is identified by its QR here. A repeat upload is ignored.
     */
    @Transactional
    public void receivePage(String terminalId, String jobId, int seq, int dpi, String mode, String sha256, String signature,
                            byte[] png) {
        DeviceJobRecord job = authorisePage(terminalId, jobId, seq, sha256, signature);
        if (!sha256.equals(sha256(png))) {
            throw new SecurityException("the page does not match its signed hash");
        }
        Map<String, Object> payload = Json.readObject(job.payload());
        CaptureCase k = find((String) payload.get("case")).orElseThrow();
        requireOpen(k);
        String pageId = jobId + "-P" + seq;
        if (db(c -> exists(c, pageId))) {
            return;
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalArgumentException("the page is not a PNG", e);
        }
        if (img == null || (long) img.getWidth() * img.getHeight() > UploadValidator.MAX_PIXELS) {
            throw new IllegalArgumentException("the page is not an image within the pixel limit");
        }
        Optional<PageMark> mark = PageIdentifier.identify(img).filter(m -> m.caseReference().equals(k.caseRef()));
        String replaces = (String) payload.get("replaces");
        String inheritedLabel = replaces == null ? null : db(c -> label(c, replaces));
        db(c -> {
            if (mark.isPresent()) {
                // a form page scanned again: the newest scan of it is the one kept
                try (PreparedStatement u = c.prepareStatement("UPDATE scanned_page SET status = 'REPLACED' WHERE case_ref = ?"
                        + " AND form_number = ? AND form_page = ? AND status = 'ACTIVE'")) {
                    u.setString(1, k.caseRef());
                    u.setString(2, mark.get().form().number());
                    u.setInt(3, mark.get().page());
                    u.executeUpdate();
                }
            }
            if (replaces != null) {
                try (PreparedStatement u = c.prepareStatement("UPDATE scanned_page SET status = 'REPLACED' WHERE page_id = ? AND case_ref = ?")) {
                    u.setString(1, replaces);
                    u.setString(2, k.caseRef());
                    u.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scanned_page (page_id, case_ref, job_id, seq, dpi, scan_mode,"
                    + " png_b64, sha256, width, height, form_number, form_page, label, status, received_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'ACTIVE',?)")) {
                s.setString(1, pageId);
                s.setString(2, k.caseRef());
                s.setString(3, jobId);
                s.setInt(4, seq);
                s.setInt(5, dpi);
                s.setString(6, mode);
                s.setString(7, Base64.getEncoder().encodeToString(png));
                s.setString(8, sha256);
                s.setInt(9, img.getWidth());
                s.setInt(10, img.getHeight());
                s.setString(11, mark.map(m -> m.form().number()).orElse(null));
                if (mark.isPresent()) {
                    s.setInt(12, mark.get().page());
                } else {
                    s.setNull(12, java.sql.Types.INTEGER);
                }
                s.setString(13, mark.isPresent() ? null : inheritedLabel);
                s.setTimestamp(14, Timestamp.from(Instant.now()));
                return s.executeUpdate();
            }
        });
        LOG.info(() -> "page " + pageId + " for " + k.caseRef() + ": " + mark.map(m -> m.form().number() + " p." + m.page())
                .orElse("supporting document"));
    }

    private static boolean exists(Connection c, String pageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM scanned_page WHERE page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String label(Connection c, String pageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT label FROM scanned_page WHERE page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The case's current pages (re-scanned ones left out), with small thumbnails. */
    @Transactional
    public List<Page> pages(String caseRef) {
        return db(c -> {
            List<Page> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT page_id, job_id, seq, dpi, sha256, form_number, form_page, label,"
                    + " status, png_b64 FROM scanned_page WHERE case_ref = ? AND status = 'ACTIVE' ORDER BY received_at, seq")) {
                s.setString(1, caseRef);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int fp = rs.getInt(7);
                        out.add(new Page(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                                rs.getString(6), rs.wasNull() ? null : fp, rs.getString(8), rs.getString(9),
                                thumbnail(rs.getString(10))));
                    }
                }
            }
            return out;
        });
    }

    private static String thumbnail(String pngB64) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(pngB64)));
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
        } catch (IOException e) {
            return "";
        }
    }

    /** The clerk labels an unidentified page as one of the case's supporting documents. */
    @Transactional
    public void label(String caseRef, String pageId, String document) {
        CaptureCase k = find(caseRef).orElseThrow();
        requireOpen(k);
        if (document != null && !document.isBlank() && !k.documents().contains(document)) {
            throw new CaptureRefusal("That document is not on this case's checklist.", "該文件不在此個案的清單上。");
        }
        db(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE scanned_page SET label = ? WHERE page_id = ? AND case_ref = ?"
                    + " AND form_number IS NULL AND status = 'ACTIVE'")) {
                u.setString(1, document == null || document.isBlank() ? null : document);
                u.setString(2, pageId);
                u.setString(3, caseRef);
                return u.executeUpdate();
            }
        });
    }

    /** Every form page and every supporting document the case needs, ticked when captured. */
    @Transactional
    public List<ChecklistItem> checklist(CaptureCase k) {
        List<Page> pages = pages(k.caseRef());
        List<ChecklistItem> out = new ArrayList<>();
        for (int i = 0; i < k.forms().size(); i++) {
            String f = k.forms().get(i);
            for (int p = 1; p <= k.formPages().get(i); p++) {
                int page = p;
                boolean done = pages.stream().anyMatch(x -> f.equals(x.form()) && Integer.valueOf(page).equals(x.formPage()));
                out.add(new ChecklistItem(f + " p." + p, f, p, null, true, done));
            }
        }
        for (String d : k.documents()) {
            boolean done = pages.stream().anyMatch(x -> d.equals(x.label()));
            out.add(new ChecklistItem(d, null, null, d, !d.endsWith("_IF_CHANGED"), done));
        }
        return out;
    }

    // ---------------------------------------------------------------- submission

    /**
     * Archives every document of the case — each form's pages in page order as one PDF, each supporting document's
     * pages as another — validates each as an upload would be, stores it with its SHA-256, and closes the case to
     * changes. A document that will not fit in 5 MB is refused with the resolution to scan it at.
     */
    @Transactional
    public List<StoredDocument> submit(String caseRef, String clerk) {
        CaptureCase k = find(caseRef).orElseThrow();
        requireOpen(k);
        List<ChecklistItem> missing = checklist(k).stream().filter(i -> i.required() && !i.done()).toList();
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing.stream().map(ChecklistItem::key).toList());
            throw new CaptureRefusal("Not everything is captured yet: " + list + ".", "尚未齊備：" + list + "。");
        }
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        for (String f : k.forms()) {
            byDocument.put("FORM " + f, db(c -> pageIds(c, k.caseRef(), "form_number = ?", f, "form_page")));
        }
        for (String d : k.documents()) {
            List<String> ids = db(c -> pageIds(c, k.caseRef(), "label = ?", d, "received_at, seq"));
            if (!ids.isEmpty()) {
                byDocument.put(d, ids);
            }
        }
        Instant now = Instant.now();
        for (Map.Entry<String, List<String>> e : byDocument.entrySet()) {
            List<ScannedPage> scanned = new ArrayList<>();
            for (String id : e.getValue()) {
                scanned.add(db(c -> scannedPage(c, id)));
            }
            byte[] pdf;
            AcceptedDocument accepted;
            try {
                pdf = ArchiveAssembler.assemble(scanned);
                accepted = UploadValidator.validate(pdf, e.getKey().startsWith("FORM ")
                        ? UploadValidator.Purpose.RENEWAL_FORM : UploadValidator.Purpose.SUPPORTING_DOCUMENT);
            } catch (ArchiveTooLargeException tooLarge) {
                throw new CaptureRefusal(e.getKey() + ": " + tooLarge.getMessage(), e.getKey() + "：文件超過 5 MB。" + tooLarge.getMessage());
            } catch (UploadRefusedException refused) {
                throw new CaptureRefusal(e.getKey() + ": " + refused.getMessage(), e.getKey() + "：" + refused.getMessage());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            db(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO case_document (case_ref, doc_key, pdf_b64, sha256, bytes,"
                        + " pages, stored_at) VALUES (?,?,?,?,?,?,?)")) {
                    s.setString(1, k.caseRef());
                    s.setString(2, e.getKey());
                    s.setString(3, Base64.getEncoder().encodeToString(pdf));
                    s.setString(4, accepted.sha256());
                    s.setLong(5, pdf.length);
                    s.setInt(6, scanned.size());
                    s.setTimestamp(7, Timestamp.from(now));
                    return s.executeUpdate();
                }
            });
        }
        int updated = db(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE capture_case SET submitted_at = ?, submitted_by = ?"
                    + " WHERE case_ref = ? AND submitted_at IS NULL")) {
                u.setTimestamp(1, Timestamp.from(now));
                u.setString(2, clerk);
                u.setString(3, k.caseRef());
                return u.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new CaptureRefusal("Case " + k.caseRef() + " was submitted already.", "個案 " + k.caseRef() + " 已遞交。");
        }
        return documents(k.caseRef());
    }

    private static List<String> pageIds(Connection c, String caseRef, String where, String key, String order) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT page_id FROM scanned_page WHERE case_ref = ? AND status = 'ACTIVE' AND "
                + where + " ORDER BY " + order)) {
            s.setString(1, caseRef);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static ScannedPage scannedPage(Connection c, String pageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT png_b64, dpi, scan_mode FROM scanned_page WHERE page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(rs.getString(1))));
                ScannedPage.Mode mode = switch (rs.getString(3)) {
                    case "BILEVEL" -> ScannedPage.Mode.BILEVEL;
                    case "COLOUR" -> ScannedPage.Mode.COLOUR;
                    default -> ScannedPage.Mode.GREY;
                };
                return new ScannedPage(img, rs.getInt(2), mode);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Transactional
    public List<StoredDocument> documents(String caseRef) {
        return db(c -> {
            List<StoredDocument> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT doc_key, sha256, bytes, pages, stored_at FROM case_document"
                    + " WHERE case_ref = ? ORDER BY doc_key")) {
                s.setString(1, caseRef);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /** A stored document's PDF, checked against its SHA-256 as it is read. */
    @Transactional
    public Optional<byte[]> documentPdf(String caseRef, String docKey) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pdf_b64, sha256 FROM case_document WHERE case_ref = ? AND doc_key = ?")) {
                s.setString(1, caseRef);
                s.setString(2, docKey);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] pdf = Base64.getDecoder().decode(rs.getString(1));
                    if (!sha256(pdf).equals(rs.getString(2))) {
                        throw new IllegalStateException("stored document " + caseRef + "/" + docKey + " no longer matches its SHA-256");
                    }
                    return Optional.of(pdf);
                }
            }
        });
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The health of the scanner at the clerk's counter, for the screen. */
    @Transactional
    public Optional<DeviceHealth> scannerAt(String clerk) {
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        return counters.terminalAt(place).flatMap(terminals::find).map(TerminalHealth::devicesOf).orElse(List.of()).stream()
                .filter(d -> d.kind() == DeviceKind.SCANNER).findFirst();
    }
}
