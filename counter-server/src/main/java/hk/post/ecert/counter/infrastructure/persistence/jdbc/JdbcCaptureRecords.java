package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.capture.CaptureRecords;
import hk.post.ecert.devices.wire.Json;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Capture cases, scanned pages and archived documents over JDBC, inside the caller's JTA transaction. */
@ApplicationScoped
public class JdbcCaptureRecords implements CaptureRecords {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private Rows rows() {
        return Rows.of(dataSource);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    @Override
    public void add(CaptureCase k, String openedBy, Instant at) {
        rows().update("INSERT INTO capture_case (case_ref, type_code, variant_code, forms, form_pages, documents, form_values,"
                        + " opened_by, opened_at) VALUES (?,?,?,?,?,?,?,?,?)",
                k.caseRef(), k.typeCode(), k.variantCode(), String.join(",", k.forms()),
                String.join(",", k.formPages().stream().map(String::valueOf).toList()), String.join(",", k.documents()),
                Json.write(new LinkedHashMap<>(k.formValues())), openedBy, at);
    }

    @Override
    public Optional<CaptureCase> find(String caseRef) {
        return rows().one("SELECT case_ref, type_code, variant_code, forms, form_pages, documents, form_values, submitted_at,"
                + " submitted_by FROM capture_case WHERE case_ref = ?", rs -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    Json.readObject(rs.getString(7)).forEach((k, x) -> values.put(k, String.valueOf(x)));
                    Timestamp sub = rs.getTimestamp(8);
                    return new CaptureCase(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                            split(rs.getString(5)).stream().map(Integer::valueOf).toList(), split(rs.getString(6)), values,
                            sub == null ? null : sub.toInstant(), rs.getString(9));
                }, caseRef);
    }

    @Override
    public boolean pageExists(String pageId) {
        return rows().one("SELECT 1 FROM scanned_page WHERE page_id = ?", rs -> 1, pageId).isPresent();
    }

    @Override
    public Optional<String> labelOf(String pageId) {
        return rows().one("SELECT label FROM scanned_page WHERE page_id = ?", rs -> rs.getString(1), pageId);
    }

    @Override
    public void addPage(ReceivedPage p, String replacesPageId) {
        if (p.form() != null) {
            // a form page scanned again: the newest scan of it is the one kept
            rows().update("UPDATE scanned_page SET status = 'REPLACED' WHERE case_ref = ? AND form_number = ? AND form_page = ?"
                    + " AND status = 'ACTIVE'", p.caseRef(), p.form(), p.formPage());
        }
        if (replacesPageId != null) {
            rows().update("UPDATE scanned_page SET status = 'REPLACED' WHERE page_id = ? AND case_ref = ?", replacesPageId, p.caseRef());
        }
        rows().update("INSERT INTO scanned_page (page_id, case_ref, job_id, seq, dpi, scan_mode, png_b64, sha256, width, height,"
                        + " form_number, form_page, label, status, received_at, thumbnail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'ACTIVE',?,?)",
                p.pageId(), p.caseRef(), p.jobId(), p.seq(), p.dpi(), p.mode(), Base64.getEncoder().encodeToString(p.png()),
                p.sha256(), p.width(), p.height(), p.form(), p.formPage(), p.label(), p.at(),
                p.thumbnail() == null || p.thumbnail().isEmpty() ? null : p.thumbnail());
    }

    @Override
    public List<CaptureCase.Page> activePages(String caseRef, Function<byte[], String> thumbnail) {
        // the stored thumbnail; the full picture is read only for a page stored before thumbnails were (V26)
        return rows().list("SELECT page_id, job_id, seq, dpi, sha256, form_number, form_page, label, status, thumbnail,"
                + " CASE WHEN thumbnail IS NULL THEN png_b64 END FROM scanned_page"
                + " WHERE case_ref = ? AND status = 'ACTIVE' ORDER BY received_at, seq", rs -> {
                    int fp = rs.getInt(7);
                    Integer formPage = rs.wasNull() ? null : fp;
                    String stored = rs.getString(10);
                    return new CaptureCase.Page(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), formPage, rs.getString(8), rs.getString(9),
                            stored != null ? stored : thumbnail.apply(Base64.getDecoder().decode(rs.getString(11))));
                }, caseRef);
    }

    @Override
    public void label(String caseRef, String pageId, String document) {
        rows().update("UPDATE scanned_page SET label = ? WHERE page_id = ? AND case_ref = ? AND form_number IS NULL AND status = 'ACTIVE'",
                document == null || document.isBlank() ? null : document, pageId, caseRef);
    }

    @Override
    public List<String> formPageIds(String caseRef, String formNumber) {
        return rows().list("SELECT page_id FROM scanned_page WHERE case_ref = ? AND status = 'ACTIVE' AND form_number = ? ORDER BY form_page",
                rs -> rs.getString(1), caseRef, formNumber);
    }

    @Override
    public List<String> documentPageIds(String caseRef, String document) {
        return rows().list("SELECT page_id FROM scanned_page WHERE case_ref = ? AND status = 'ACTIVE' AND label = ? ORDER BY received_at, seq",
                rs -> rs.getString(1), caseRef, document);
    }

    @Override
    public Picture picture(String pageId) {
        return rows().one("SELECT png_b64, dpi, scan_mode FROM scanned_page WHERE page_id = ?",
                rs -> new Picture(Base64.getDecoder().decode(rs.getString(1)), rs.getInt(2), rs.getString(3)), pageId)
                .orElseThrow(() -> new IllegalStateException("no scanned page " + pageId));
    }

    @Override
    public void addDocument(String caseRef, String docKey, byte[] pdf, String sha256, int pages, Instant at) {
        rows().update("INSERT INTO case_document (case_ref, doc_key, pdf_b64, sha256, bytes, pages, stored_at) VALUES (?,?,?,?,?,?,?)",
                caseRef, docKey, Base64.getEncoder().encodeToString(pdf), sha256, (long) pdf.length, pages, at);
    }

    @Override
    public boolean markSubmitted(String caseRef, String by, Instant at) {
        return rows().update("UPDATE capture_case SET submitted_at = ?, submitted_by = ? WHERE case_ref = ? AND submitted_at IS NULL",
                at, by, caseRef) == 1;
    }

    @Override
    public List<CaptureCase.StoredDocument> documents(String caseRef) {
        return rows().list("SELECT doc_key, sha256, bytes, pages, stored_at FROM case_document WHERE case_ref = ? ORDER BY doc_key",
                rs -> new CaptureCase.StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant()), caseRef);
    }

    @Override
    public Optional<StoredPdf> documentPdf(String caseRef, String docKey) {
        return rows().one("SELECT pdf_b64, sha256 FROM case_document WHERE case_ref = ? AND doc_key = ?",
                rs -> new StoredPdf(Base64.getDecoder().decode(rs.getString(1)), rs.getString(2)), caseRef, docKey);
    }
}
