package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.terminal.DeviceHistory;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Records what terminals report of their devices' health. */
@ApplicationScoped
@Transactional
public class TerminalHealth {

    @Inject
    TerminalRepository terminals;

    @Inject
    DeviceHistory history;

    /** Keeps the terminal's latest report, and each change of a device's state in its device history. */
    public void reported(String terminalId, List<DeviceHealth> devices) {
        terminals.find(terminalId).ifPresent(t -> {
            Instant now = Instant.now();
            history.add(DeviceHistory.changes(terminalId, devicesOf(t), devices, now));
            t.healthWasReported(Json.write(Protocol.encodeHealth(devices)), now);
        });
    }

    /** The terminal's latest device changes, newest first. */
    public List<DeviceHistory.Event> history(String terminalId, int max) {
        return history.latest(terminalId, max);
    }

    public void seen(String terminalId) {
        terminals.find(terminalId).ifPresent(t -> t.wasSeen(Instant.now()));
    }

    public static List<DeviceHealth> devicesOf(Terminal t) {
        return t.healthJson().map(j -> Protocol.decodeHealth(Json.readObject(j))).orElse(List.of());
    }
}
