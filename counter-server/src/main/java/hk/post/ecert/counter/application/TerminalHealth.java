package hk.post.ecert.counter.application;

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

    public void reported(String terminalId, List<DeviceHealth> devices) {
        terminals.find(terminalId).ifPresent(t -> t.healthWasReported(Json.write(Protocol.encodeHealth(devices)), Instant.now()));
    }

    public void seen(String terminalId) {
        terminals.find(terminalId).ifPresent(t -> t.wasSeen(Instant.now()));
    }

    public static List<DeviceHealth> devicesOf(Terminal t) {
        return t.healthJson().map(j -> Protocol.decodeHealth(Json.readObject(j))).orElse(List.of());
    }
}
