package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.devices.health.DeviceHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The header's live device line (issue 16): the state of each device at the clerk's own counter — printer, token
 * writer, scanner — with the fault in words (paper near end, cover open, no token), refreshed without a reload, so
 * the clerk sees a fault before the customer pays.
 */
@Named
@RequestScoped
public class CounterDevices {

    @Inject
    CounterOverview counters;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private List<DeviceHealth> devices;

    /** The devices at the clerk's counter; none for staff without a counter or a terminal. */
    public List<DeviceHealth> getDevices() {
        if (devices == null) {
            CounterOverview.CounterPlace p = staff.getUsername() == null ? null : counters.placeOf(staff.getUsername());
            devices = p == null || p.counter() == null ? List.of()
                    : counters.forStaff(staff.getUsername()).stream().filter(CounterOverview.TerminalView::online)
                            .flatMap(t -> t.devices().stream()).toList();
        }
        return devices;
    }

    /** The device's name on the header: a token writer says which (the e-Cert File medium, or a token brand's reader). */
    public String label(DeviceHealth d) {
        String kind = Screens.text(language.getLocale(), "device." + d.kind().name());
        if (d.kind() != DeviceKind.TOKEN_WRITER) {
            return kind;
        }
        return "ecert-file-usb".equals(d.model()) ? Screens.text(language.getLocale(), "device.fileMedium") : kind + " (" + d.model() + ")";
    }

    public String detail(DeviceHealth d) {
        return d.detail() == null || d.detail().isBlank() ? "" : Messages.fault(language.getLocale(), d.detail());
    }
}
