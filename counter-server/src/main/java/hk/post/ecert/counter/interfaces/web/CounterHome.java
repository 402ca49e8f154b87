package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The counter home: this counter's terminal, its devices' health, and the last receipts its printer reported. */
@Named
@ViewScoped
public class CounterHome implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CounterOverview counters;

    @Inject
    DeviceJobs jobs;

    @Inject
    StaffSession staff;

    public List<CounterOverview.TerminalView> getTerminals() {
        return counters.forStaff(staff.getUsername());
    }

    @Inject
    Language language;

    public String faultText(String reason) {
        return Messages.fault(language.getLocale(), reason);
    }

    public List<DeviceJobs.JobView> receiptsOf(String terminalId) {
        return jobs.recentReceipts(terminalId, 5);
    }
}
