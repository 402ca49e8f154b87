package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.domain.model.capture.CaptureRefusal;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * The renewal case screen's document step (issue 16): the counter's scanner asked for the case's signed form and
 * documents from the case itself; when every page the case needs comes back identified by its QR the documents are
 * archived, and a case thereby complete goes to HKPCA. Pages that need a label are left to document capture.
 */
@Named
@ViewScoped
public class CaseScan implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseDesk caseDesk;

    @Inject
    RenewalCases cases;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    @Inject
    CaptureDesk capture;

    @Inject
    DeviceJobs jobs;

    @Inject
    ShownJobs shownJobs;

    private String scanJobId = PointOfSale.newId("SCAN");
    private String scanJob;
    private boolean scanHandled;

    public String getNextScanId() { return scanJobId; }

    /** Asks the counter's scanner for the case's pages (the id chosen before the first submit: a double press scans once). */
    public void scanDocuments() {
        String id = Screens.param("scanId");
        if (caseDesk.getCaseRef() == null || id == null || !id.equals(scanJobId)) {
            return;
        }
        try {
            scanJob = capture.scan(id, capture.find(caseDesk.getCaseRef()).orElseThrow(), staff.getUsername(), true, null);
            scanJobId = PointOfSale.newId("SCAN");
            scanHandled = false;
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    public boolean isScanRunning() {
        return scanJob != null && shownJobs.view(scanJob).map(j -> !j.status().finished()).orElse(false);
    }

    /**
     * Whether the screen keeps looking: until the finished scan has been handled, not merely while it runs (a scan that
     * ends between the poll's look and its rendering would otherwise stop the poll with the outcome unhandled).
     */
    public boolean isPolling() {
        return scanJob != null && !scanHandled;
    }

    /** The scan job as the scanner last reported it. */
    public String getScanStatus() {
        return scanJob == null ? "" : shownJobs.view(scanJob).map(j -> Screens.text(language.getLocale(), "scanjob." + j.status().name())
                + (j.reason() == null || j.reason().isBlank() ? "" : " — " + Messages.fault(language.getLocale(), j.reason()))).orElse("");
    }

    /**
     * Looked at while the scan runs and once after: when every page the case needs came back identified, the
     * documents are archived (and a case now complete goes to HKPCA); otherwise the clerk is told what is left.
     */
    public void scanPoll() {
        if (scanJob == null || scanHandled || isScanRunning()) {
            return;
        }
        scanHandled = true;
        org.primefaces.PrimeFaces.current().ajax().update("case");   // the poll updates its own line; the outcome, the whole case
        if (jobs.view(scanJob).map(j -> j.status() != JobStatus.DONE).orElse(true)) {
            return;   // the status line says why
        }
        try {
            if (capture.submitIfComplete(caseDesk.getCaseRef(), staff.getUsername()).isPresent()) {
                Screens.info(Screens.text(language.getLocale(), "case.documentsArchived"));
                caseDesk.sentToHkpca(cases.documentsSubmitted(caseDesk.getCaseRef(), staff.getUsername()));
            } else {
                Screens.warn(Screens.text(language.getLocale(), "case.documentsToLabel"));
            }
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }
}
