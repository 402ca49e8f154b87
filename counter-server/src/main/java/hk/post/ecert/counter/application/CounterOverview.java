package hk.post.ecert.counter.application;

import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.health.DeviceHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Counters, their terminals, and whether each terminal is online with healthy devices. */
@ApplicationScoped
@Transactional
public class CounterOverview {

    @Inject
    StaffDirectory staff;

    @Inject
    TerminalRepository terminals;

    @Inject
    TerminalPresence sessions;

    /** Where a member of staff works: office and (for counter staff) counter. */
    public record CounterPlace(String office, String counter, String displayName) {
    }

    /** A terminal as screens and the operators' API show it. */
    public record TerminalView(String terminalId, String office, String counter, boolean online, boolean enrolled,
                               boolean revoked, Instant lastSeen, List<DeviceHealth> devices, String kind) {
        public String status() {
            return online ? "online" : "offline";
        }
    }

    public CounterPlace placeOf(String username) {
        Optional<String> kiosk = Kiosks.kioskOf(username);
        if (kiosk.isPresent()) {
            // a self-service kiosk acts at its own counter (its till, its journal chain, its printer)
            Terminal t = terminals.find(kiosk.get()).orElseThrow(() -> new NoSuchElementException("no kiosk " + kiosk.get()));
            return new CounterPlace(t.officeCode(), t.counterCode(), "Kiosk " + t.terminalId());
        }
        StaffMember m = staff.find(username).orElseThrow(() -> new NoSuchElementException("no staff " + username));
        return new CounterPlace(m.officeCode(), m.counterCode().orElse(null), m.displayName());
    }

    public Optional<String> terminalAt(CounterPlace place) {
        if (place.counter() == null) {
            return Optional.empty();
        }
        return terminals.atCounter(place.office(), place.counter()).stream().filter(Terminal::enrolled)
                .map(Terminal::terminalId).findFirst();
    }

    public List<TerminalView> all() {
        return terminals.all().stream().map(this::view).toList();
    }

    /** The terminals of a member of staff's counter, or all of the office's for staff without a counter. */
    public List<TerminalView> forStaff(String username) {
        CounterPlace p = placeOf(username);
        List<Terminal> list = p.counter() == null ? terminals.all() : terminals.atCounter(p.office(), p.counter());
        return list.stream().map(this::view).toList();
    }

    private TerminalView view(Terminal t) {
        return new TerminalView(t.terminalId(), t.officeCode(), t.counterCode(), sessions.isOnline(t.terminalId()),
                t.enrolled(), t.revoked(), t.lastSeen().orElse(null), TerminalHealth.devicesOf(t), t.kind().name());
    }

    /** A supervisor approves, signs off and closes only for their own office. */
    public void requireSupervises(String office, String supervisor) {
        if (!office.equals(placeOf(supervisor).office())) {
            throw new PosRefusal(
                    PosRefusal.Reason.OTHER_OFFICE, supervisor);
        }
    }
}
