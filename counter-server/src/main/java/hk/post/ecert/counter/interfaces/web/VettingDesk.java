package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.renewal.CaseVetting;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The HKPCA vetting queue: approve, reject with reasons, or ask for more documents. */
@Named
@ViewScoped
public class VettingDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseVetting cases;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String note;

    private static final String QUEUE = VettingDesk.class.getName() + ".queue";

    /** The queue, oldest first, read once per request (after an approval the next request reads it afresh). */
    @SuppressWarnings("unchecked")
    public List<CaseVetting.Queued> getQueue() {
        java.util.Map<Object, Object> request = jakarta.faces.context.FacesContext.getCurrentInstance().getAttributes();
        return (List<CaseVetting.Queued>) request.computeIfAbsent(QUEUE, k -> cases.queue());
    }

    /** The hours after which a waiting case is flagged. */
    public long getFlagAfterHours() {
        return cases.flagAfter().toHours();
    }

    /** Approves; for registered mail, the PIN of the medium's file is shown here once, for the PIN envelope. */
    public void approve(String caseRef) {
        act(() -> cases.approve(caseRef, staff.getUsername(), note, Boolean.TRUE.equals(newNamesApproved.get(caseRef))).ifPresent(pin -> {
            Screens.info(Screens.text(language.getLocale(), "vetting.pin", caseRef, new String(pin)));
            java.util.Arrays.fill(pin, '\0');
        }));
    }

    public void reject(String caseRef) {
        act(() -> cases.reject(caseRef, staff.getUsername(), note));
    }

    public void requestDocuments(String caseRef) {
        act(() -> cases.requestDocuments(caseRef, staff.getUsername(), note));
    }

    private void act(Runnable r) {
        try {
            r.run();
            note = null;
        } catch (CaseRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        } finally {
            // the decision changed the queue: the page shows it as it is now
            jakarta.faces.context.FacesContext.getCurrentInstance().getAttributes().remove(QUEUE);
        }
    }

    /** Per case: whether the officer approves the server names beyond the renewed certificate's. */
    private final java.util.Map<String, Boolean> newNamesApproved = new java.util.HashMap<>();

    public java.util.Map<String, Boolean> getNewNamesApproved() { return newNamesApproved; }

    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
