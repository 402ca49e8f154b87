package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.domain.model.capture.CaptureRefusal;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The capture screen: open a case's capture, print its pre-filled forms, scan from the counter's scanner, watch
 * pages land on the checklist as they are identified, label supporting documents, re-scan one page, and submit.
 */
@Named
@ViewScoped
public class CaptureScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaptureDesk capture;

    @Inject
    Triage triage;

    @Inject
    ShownJobs shownJobs;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String caseRef;
    private String typeCode;
    private String variantCode;
    private String surname;
    private String givenName;
    private String chineseName;
    private String orgName;
    private String openCase;
    private String scanJobId = PointOfSale.newId("SCAN");
    private String lastJob;
    private final Map<String, String> labels = new LinkedHashMap<>();

    public List<CertificateType> getTypes() {
        return triage.catalogue().types().stream().filter(t -> t.channel() != Channel.REFERRAL).toList();
    }

    public List<Variant> getVariants() {
        return typeCode == null ? List.of() : triage.catalogue().type(typeCode).variants();
    }

    public void typeChanged() {
        List<Variant> v = getVariants();
        variantCode = v.size() == 1 ? v.get(0).code() : null;
    }

    public void open() {
        if (typeCode == null || variantCode == null) {
            Screens.error(Screens.text(language.getLocale(), "sale.chooseItem"));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "surname", surname);
        put(values, "given_name", givenName);
        put(values, "chinese_name", chineseName);
        put(values, "org_name_en", orgName);
        put(values, "bank_name", orgName);
        try {
            openCase = capture.open(caseRef, typeCode, variantCode, values, staff.getUsername()).caseRef();
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v.trim());
        }
    }

    /** Opens an existing case's capture by its reference. */
    @Inject
    CaseAccess access;

    /** A view parameter is applied again on every postback: take the link's case only when there is one and none is open. */
    public String getLinkCase() { return null; }
    public void setLinkCase(String v) { if (v != null && !v.isBlank() && !linkApplied) { caseRef = v; } }

    private boolean linkApplied;

    /** Opened with {@code ?case=}: the case's capture at once. */
    public void resumeFromLink() {
        linkApplied = true;
        if (caseRef != null && !caseRef.isBlank() && openCase == null) {
            resume();
        }
    }

    public void resume() {
        try {
            String ref = caseRef == null ? "" : caseRef.trim().toUpperCase();
            if (capture.find(ref).isPresent() && !access.mayRead(ref, staff.getUsername(), staff.hasRole("HKPCA_OFFICER"))) {
                Screens.error(Screens.text(language.getLocale(), "case.otherOffice", ref));
            } else if (capture.find(ref).isPresent()) {
                openCase = ref;
            } else {
                Screens.error(Screens.text(language.getLocale(), "capture.noCase", ref));
            }
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    public CaptureCase getCase() {
        return openCase == null ? null : capture.find(openCase).orElse(null);
    }

    public List<CaptureCase.Page> getPages() {
        return openCase == null ? List.of() : capture.pages(openCase);
    }

    public List<CaptureCase.ChecklistItem> getChecklist() {
        CaptureCase k = getCase();
        return k == null ? List.of() : capture.checklist(k);
    }

    public List<CaptureCase.StoredDocument> getDocuments() {
        return openCase == null ? List.of() : capture.documents(openCase);
    }

    public String getNextScanId() {
        return scanJobId;
    }

    public void scanFeeder() {
        startScan(true, null);
    }

    public void rescan(String pageId) {
        startScan(false, pageId);
    }

    private void startScan(boolean feeder, String replaces) {
        String id = Screens.param("scanId");
        CaptureCase k = getCase();
        if (k == null || id == null || !id.equals(scanJobId)) {
            return;
        }
        try {
            lastJob = capture.scan(id, k, staff.getUsername(), feeder, replaces);
            scanJobId = PointOfSale.newId("SCAN");
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    public void saveLabel(String pageId) {
        try {
            capture.label(openCase, pageId, labels.get(pageId));
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    public void submit() {
        try {
            List<CaptureCase.StoredDocument> docs = capture.submit(openCase, staff.getUsername());
            Screens.info(Screens.text(language.getLocale(), "capture.submitted", docs.size()));
        } catch (CaptureRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    public DeviceJobs.JobView getJob() {
        return lastJob == null ? null : shownJobs.view(lastJob).orElse(null);
    }

    public boolean isJobRunning() {
        DeviceJobs.JobView j = getJob();
        return j != null && !j.status().finished();
    }

    public String statusText(JobStatus s) {
        return Screens.text(language.getLocale(), "scanjob." + s.name());
    }

    public String faultText(String reason) {
        return Messages.fault(language.getLocale(), reason);
    }

    public String scannerStatus() {
        return capture.scannerAt(staff.getUsername()).map(d -> d.model() + " — " + d.state()
                + (d.detail() == null || d.detail().isBlank() ? "" : " (" + faultText(d.detail()) + ")")).orElse("—");
    }

    public String documentName(String code) {
        String key = "doc." + code;
        var b = Messages.bundle(language.getLocale());
        return b.containsKey(key) ? b.getString(key) : code;
    }

    public String urlPart(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public String getCaseRef() { return caseRef; }
    public void setCaseRef(String v) { caseRef = v; }
    public String getTypeCode() { return typeCode; }
    public void setTypeCode(String v) { typeCode = v; }
    public String getVariantCode() { return variantCode; }
    public void setVariantCode(String v) { variantCode = v; }
    public String getSurname() { return surname; }
    public void setSurname(String v) { surname = v; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String v) { givenName = v; }
    public String getChineseName() { return chineseName; }
    public void setChineseName(String v) { chineseName = v; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String v) { orgName = v; }
    public Optional<String> getOpenCase() { return Optional.ofNullable(openCase); }
}
