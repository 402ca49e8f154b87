package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.ReferralSlips;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The triage screen: the clerk picks the customer's certificate type and variant and sees at once what the counter
 * can do. For a referral the clerk prints a slip on the counter's receipt printer and watches it print.
 */
@Named
@ViewScoped
public class CounterTriage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Triage triage;

    @Inject
    ReferralSlips slips;

    @Inject
    ShownJobs shownJobs;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String typeCode;
    private String variantCode;
    private Integer years;
    /** The slip's number, chosen when the result is shown. */
    private String slipId;
    /** How many times this slip was sent to the printer; the next print's id is rendered into the button. */
    private int prints;
    private String jobId;

    public List<CertificateType> getTypes() {
        return triage.catalogue().types();
    }

    public List<Variant> getVariants() {
        return typeCode == null ? List.of() : triage.catalogue().type(typeCode).variants();
    }

    public void typeChanged() {
        List<Variant> v = getVariants();
        variantCode = v.size() == 1 ? v.get(0).code() : null;
        years = null;
        resetSlip();
    }

    public void variantChanged() {
        years = null;
        resetSlip();
    }

    private void resetSlip() {
        slipId = ReferralSlips.newSlipId();
        prints = 0;
        jobId = null;
    }

    /** The id of the next print, rendered into the print button: both clicks of a double click carry the same one. */
    public String getNextPrintId() {
        if (slipId == null) {
            resetSlip();
        }
        return prints == 0 ? slipId : slipId + "-C" + prints;
    }

    public Triage.Result getResult() {
        if (typeCode == null || variantCode == null) {
            return null;
        }
        return triage.triage(typeCode, variantCode, years);
    }

    public void printReferralSlip() {
        if (getResult() == null || !getResult().referral()) {
            return;
        }
        String printId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("printId");
        if (printId == null || slipId == null || !printId.startsWith(slipId)) {
            return;   // a stale form: the clerk has since chosen another certificate
        }
        try {
            jobId = slips.print(slipId, printId, typeCode, variantCode, staff.getUsername(),
                    language.isChinese() ? ReceiptLanguage.ZH : ReceiptLanguage.EN);
            if (printId.equals(getNextPrintId())) {
                prints++;
            }
        } catch (IllegalStateException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    bundle().getString("triage.noTerminal"), null));
        }
    }

    public DeviceJobs.JobView getJob() {
        return jobId == null ? null : shownJobs.view(jobId).orElse(null);
    }

    public boolean isJobRunning() {
        DeviceJobs.JobView j = getJob();
        return j != null && !j.status().finished();
    }

    public String statusText(JobStatus status) {
        return bundle().getString("job." + status.name());
    }

    /** The clerk's message for a device's typed reason (PAPER_OUT, COVER_OPEN, ...), or the code itself. */
    public String faultText(String reason) {
        return Messages.fault(language.getLocale(), reason);
    }

    private ResourceBundle bundle() {
        return Messages.bundle(language.getLocale());
    }

    public String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(String typeCode) {
        this.typeCode = typeCode;
    }

    public String getVariantCode() {
        return variantCode;
    }

    public void setVariantCode(String variantCode) {
        this.variantCode = variantCode;
    }

    public Integer getYears() {
        return years;
    }

    public void setYears(Integer years) {
        this.years = years;
    }

    public String getSlipId() {
        return slipId;
    }
}
