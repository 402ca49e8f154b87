package hk.post.ecert.counter.application.capture;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.TerminalEnrolment;
import hk.post.ecert.counter.application.TerminalHealth;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.capture.FormPictures;
import hk.post.ecert.counter.domain.model.capture.CaptureCase.ChecklistItem;
import hk.post.ecert.counter.domain.model.capture.CaptureCase.Page;
import hk.post.ecert.counter.domain.model.capture.CaptureCase.StoredDocument;
import hk.post.ecert.counter.domain.model.capture.CaptureRecords;
import hk.post.ecert.counter.domain.model.capture.CaptureRefusal;
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
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.archive.ArchiveAssembler;
import hk.post.ecert.forms.archive.ArchiveTooLargeException;
import hk.post.ecert.forms.archive.ScannedPage;
import hk.post.ecert.forms.upload.AcceptedDocument;
import hk.post.ecert.forms.upload.UploadRefusedException;
import hk.post.ecert.forms.upload.UploadValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    static final Duration SCAN_JOB_LIFETIME = Duration.ofMinutes(10);

    @Inject
    CaptureRecords records;

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

    @Inject
    ScannerFeed scannerFeed;

    @Inject
    FormPictures pictures;

    // ---------------------------------------------------------------- the case

    /** Opens capture for a case (a repeat answers with the case as it is). */
    @Transactional
    public CaptureCase open(String caseRef, String typeCode, String variantCode, Map<String, String> formValues, String clerk) {
        String ref = CaptureCase.normalise(caseRef);
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
            pages.add(pictures.pageCount(typeCode, variantCode, f));
        }
        records.add(new CaptureCase(ref, typeCode, variantCode, v.forms(), pages, CaptureCase.documentsToScan(v.documents()),
                formValues, null, null), clerk, Instant.now());
        CaptureCase opened = find(ref).orElseThrow();
        counters.terminalAt(counters.placeOf(clerk)).ifPresent(t -> scannerFeed.captureOpened(t, opened));
        return opened;
    }

    @Transactional
    public Optional<CaptureCase> find(String caseRef) {
        return records.find(caseRef);
    }

    /** The pre-filled form PDF to print for the customer to check and sign. */
    public byte[] formPdf(CaptureCase k, String formNumber) {
        k.requireForm(formNumber);
        return pictures.form(k.caseRef(), k.typeCode(), k.variantCode(), formNumber, k.formValues());
    }

    // ---------------------------------------------------------------- scanning

    /**
     * Asks the clerk's terminal to scan: the feeder for a batch, or the flatbed for one page that replaces
     * {@code replacesPageId}. The job id is chosen by the screen before the first submit.
     */
    @Transactional
    public String scan(String jobId, CaptureCase k, String clerk, boolean feeder, String replacesPageId) {
        k.requireOpen();
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
        return jobs.submitOnce(jobId, terminalId, JobKind.SCAN_DOCUMENTS, scannerFeed.scanJob(terminalId, k, feeder, payload),
                (feeder ? "Scan documents for " : "Re-scan a page of ") + k.caseRef(), clerk, SCAN_JOB_LIFETIME);
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
        if (!sha256.equals(UploadValidator.sha256(png))) {
            throw new SecurityException("the page does not match its signed hash");
        }
        Map<String, Object> payload = Json.readObject(job.payload());
        CaptureCase k = find((String) payload.get("case")).orElseThrow();
        k.requireOpen();
        String pageId = jobId + "-P" + seq;
        if (records.pageExists(pageId)) {
            return;
        }
        FormPictures.ReadPage img = pictures.read(png, UploadValidator.MAX_PIXELS)
                .orElseThrow(() -> new IllegalArgumentException("the page is not a PNG"));
        if ((long) img.width() * img.height() > UploadValidator.MAX_PIXELS) {
            throw new IllegalArgumentException("the page is not an image within the pixel limit");
        }
        Optional<PageMark> mark = img.mark().filter(m -> m.caseReference().equals(k.caseRef()));
        String replaces = (String) payload.get("replaces");
        String inheritedLabel = replaces == null ? null : records.labelOf(replaces).orElse(null);
        records.addPage(new CaptureRecords.ReceivedPage(pageId, k.caseRef(), jobId, seq, dpi, mode, png, sha256, img.width(),
                img.height(), mark.map(m -> m.form().number()).orElse(null), mark.map(PageMark::page).orElse(null),
                mark.isPresent() ? null : inheritedLabel, Instant.now(), img.thumbnail()), replaces);
        LOG.info(() -> "page " + pageId + " for " + k.caseRef() + ": " + mark.map(m -> m.form().number() + " p." + m.page())
                .orElse("supporting document"));
    }

    /** The case's current pages (re-scanned ones left out), with small thumbnails. */
    @Transactional
    public List<Page> pages(String caseRef) {
        return records.activePages(caseRef, pictures::thumbnail);
    }

    /** The clerk labels an unidentified page as one of the case's supporting documents. */
    @Transactional
    public void label(String caseRef, String pageId, String document) {
        find(caseRef).orElseThrow().requireLabel(document);
        records.label(caseRef, pageId, document);
    }

    /** Every form page and every supporting document the case needs, ticked when captured. */
    @Transactional
    public List<ChecklistItem> checklist(CaptureCase k) {
        return k.checklist(pages(k.caseRef()));
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
        k.requireComplete(pages(k.caseRef()));
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        for (String f : k.forms()) {
            byDocument.put("FORM " + f, records.formPageIds(k.caseRef(), f));
        }
        for (String d : k.documents()) {
            List<String> ids = records.documentPageIds(k.caseRef(), d);
            if (!ids.isEmpty()) {
                byDocument.put(d, ids);
            }
        }
        Instant now = Instant.now();
        for (Map.Entry<String, List<String>> e : byDocument.entrySet()) {
            List<ScannedPage> scanned = new ArrayList<>();
            for (String id : e.getValue()) {
                scanned.add(pictures.scannedPage(records.picture(id)));
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
            records.addDocument(k.caseRef(), e.getKey(), pdf, accepted.sha256(), scanned.size(), now);
        }
        if (!records.markSubmitted(k.caseRef(), clerk, now)) {
            throw new CaptureRefusal("Case " + k.caseRef() + " was submitted already.", "個案 " + k.caseRef() + " 已遞交。");
        }
        return documents(k.caseRef());
    }

    /**
     * Submits the case when its checklist is complete (the scan brought every page the rules need); empty when it is
     * not, or was submitted already — the clerk then labels what is left on the capture screen.
     */
    @Transactional
    public Optional<List<StoredDocument>> submitIfComplete(String caseRef, String clerk) {
        CaptureCase k = find(caseRef).orElseThrow();
        return k.readyToSubmit(pages(k.caseRef())) ? Optional.of(submit(caseRef, clerk)) : Optional.empty();
    }

    @Transactional
    public List<StoredDocument> documents(String caseRef) {
        return records.documents(caseRef);
    }

    /** A stored document's PDF, checked against its SHA-256 as it is read. */
    @Transactional
    public Optional<byte[]> documentPdf(String caseRef, String docKey) {
        return records.documentPdf(caseRef, docKey).map(d -> {
            if (!UploadValidator.sha256(d.pdf()).equals(d.sha256())) {
                throw new IllegalStateException("stored document " + caseRef + "/" + docKey + " no longer matches its SHA-256");
            }
            return d.pdf();
        });
    }

    /** The health of the scanner at the clerk's counter, for the screen. */
    @Transactional
    public Optional<DeviceHealth> scannerAt(String clerk) {
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        return counters.terminalAt(place).flatMap(terminals::find).map(TerminalHealth::devicesOf).orElse(List.of()).stream()
                .filter(d -> d.kind() == DeviceKind.SCANNER).findFirst();
    }
}
