package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.terminal.DeviceHistory;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.application.TerminalHealth;
import hk.post.ecert.counter.application.TerminalPresence;
import hk.post.ecert.counter.domain.model.till.TillSession;
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
    private String kind = "COUNTER";

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }

    /** A counter PC, or a self-service kiosk (its screens bound to it; a counter code of its own, e.g. K01). */
    public List<String> getKinds() {
        return java.util.Arrays.stream(Terminal.Kind.values()).map(Enum::name).toList();
    }

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
                    counter.trim().toUpperCase(), Terminal.Kind.valueOf(kind), staff.getUsername());
        } catch (PosRefusal r) {
            issuedCode = null;
            Screens.refused(r, language.getLocale());
        } catch (IllegalArgumentException e) {
            issuedCode = null;
            Screens.error(Screens.text(language.getLocale(), "terminal.kindMismatch"));
        }
    }

    @Inject
    TerminalHealth health;

    private String historyOf;

    /** Shows a terminal's device history (only one this supervisor manages: the same door as the list). */
    public void showHistory(String id) {
        historyOf = getTerminals().stream().anyMatch(t -> t.terminalId().equals(id)) ? id : null;
    }

    public String getHistoryOf() {
        return historyOf;
    }

    /** The last 50 changes of the chosen terminal's devices, newest first, in Hong Kong time. */
    public List<DeviceHistory.Event> getHistory() {
        return historyOf == null ? List.of() : health.history(historyOf, 50);
    }

    public String at(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(t.atZone(TillSession.HONG_KONG));
    }

    @Inject
    TerminalPresence presence;

    /** Revokes a counter PC: its key no longer opens a connection, and the open one is closed now. */
    public void revoke(String id) {
        try {
            enrolment.revoke(id, staff.getUsername());
            presence.disconnect(id);
        } catch (PosRefusal r) {
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
