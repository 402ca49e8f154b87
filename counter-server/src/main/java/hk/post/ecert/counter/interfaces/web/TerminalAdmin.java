package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.TerminalEnrolment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Supervisor screen: enrol a counter PC (issue a one-time code) and revoke one. */
@Named
@ViewScoped
public class TerminalAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CounterOverview counters;

    @Inject
    TerminalEnrolment enrolment;

    @Inject
    StaffSession staff;

    private String terminalId;
    private String office = "GPO";
    private String counter;
    private String issuedCode;

    @Inject
    Language language;

    /** The terminals of the offices this supervisor manages (an administrator: all). */
    public List<CounterOverview.TerminalView> getTerminals() {
        return counters.all().stream().filter(t -> enrolment.mayManageOffice(staff.getUsername(), t.office())).toList();
    }

    @jakarta.annotation.PostConstruct
    void ownOffice() {
        if (staff.getUsername() != null) {
            office = counters.placeOf(staff.getUsername()).office();
        }
    }

    public void issueCode() {
        try {
            issuedCode = enrolment.issueEnrolmentCode(terminalId.trim().toUpperCase(), office.trim().toUpperCase(),
                    counter.trim().toUpperCase(), staff.getUsername());
        } catch (hk.post.ecert.counter.domain.model.till.PosRefusal r) {
            issuedCode = null;
            Screens.refused(r, language.getLocale());
        }
    }

    @Inject
    hk.post.ecert.counter.application.TerminalPresence presence;

    /** Revokes a counter PC: its key no longer opens a connection, and the open one is closed now. */
    public void revoke(String id) {
        try {
            enrolment.revoke(id, staff.getUsername());
            presence.disconnect(id);
        } catch (hk.post.ecert.counter.domain.model.till.PosRefusal r) {
            Screens.refused(r, language.getLocale());
        }
    }

    public String getTerminalId() {
        return terminalId;
    }

    public void setTerminalId(String terminalId) {
        this.terminalId = terminalId;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }

    public String getCounter() {
        return counter;
    }

    public void setCounter(String counter) {
        this.counter = counter;
    }

    public String getIssuedCode() {
        return issuedCode;
    }
}
