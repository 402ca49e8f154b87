package hk.post.ecert.counter.domain.model.terminal;

import hk.post.ecert.devices.health.DeviceHealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Each terminal's device history: the changes of its devices' states, with their times. */
public interface DeviceHistory {

    /** One change: the device's state and detail from this moment. */
    record Event(String terminalId, String kind, String model, String state, String detail, Instant at) {
    }

    void add(List<Event> events);

    /** The terminal's latest changes, newest first. */
    List<Event> latest(String terminalId, int max);

    /** The terminal's changes since {@code from}, and each device's last change before it (the state it started in). */
    List<Event> since(String terminalId, Instant from);

    /**
     * What changed between two reports of a terminal: every device whose state or detail differs from the one before
     * (or that was not reported before). The first report of a terminal is all changes.
     */
    static List<Event> changes(String terminalId, List<DeviceHealth> before, List<DeviceHealth> now, Instant at) {
        Map<String, DeviceHealth> was = before.stream().collect(Collectors.toMap(DeviceHistory::key, Function.identity(), (a, b) -> b));
        List<Event> out = new ArrayList<>();
        for (DeviceHealth d : now) {
            DeviceHealth old = was.get(key(d));
            if (old == null || old.state() != d.state() || !Objects.equals(old.detail(), d.detail())) {
                out.add(new Event(terminalId, d.kind().name(), d.model(), d.state().name(), d.detail(), at));
            }
        }
        return out;
    }

    private static String key(DeviceHealth d) {
        return d.kind() + "|" + d.model();
    }
}
