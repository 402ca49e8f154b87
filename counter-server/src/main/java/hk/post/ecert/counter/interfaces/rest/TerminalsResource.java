package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.wire.Json;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/terminals}: every terminal with {@code "status": "online" | "offline"} and its devices' health,
 * for monitoring. Carries no personal data.
 */
@Path("/terminals")
public class TerminalsResource {

    @Inject
    CounterOverview overview;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String terminals() {
        List<Object> out = new ArrayList<>();
        for (CounterOverview.TerminalView t : overview.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.terminalId());
            m.put("kind", t.kind());
            m.put("office", t.office());
            m.put("counter", t.counter());
            m.put("status", t.status());
            m.put("enrolled", t.enrolled());
            m.put("lastSeen", t.lastSeen() == null ? null : t.lastSeen().toString());
            List<Object> devices = new ArrayList<>();
            for (DeviceHealth d : t.devices()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("kind", d.kind().name());
                dm.put("model", d.model());
                dm.put("state", d.state().name());
                dm.put("detail", d.detail());
                devices.add(dm);
            }
            m.put("devices", devices);
            out.add(m);
        }
        return Json.write(out);
    }
}
