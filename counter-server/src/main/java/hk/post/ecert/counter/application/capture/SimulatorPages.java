package hk.post.ecert.counter.application.capture;

import hk.post.ecert.counter.application.TerminalHealth;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.health.DeviceKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * DEMO only: what the simulated scanner "scans" is the case's forms as they come back from the printer, rasterised at
 * 300 dpi. Rendering them takes a second or more, so they are made in the background when the case's capture opens,
 * and the clerk's scan takes them ready (issue 16: each action's server time). A real scanner needs none of this.
 */
@ApplicationScoped
public class SimulatorPages {

    /** Cases whose pages are kept ready at most (a case opened and never scanned is forgotten first). */
    private static final int KEPT = 16;

    @Resource
    ManagedExecutorService executor;

    @Inject
    TerminalRepository terminals;

    /** Whether the terminal's scanner is the simulator (as the terminal last reported its devices). */
    boolean scannerIsSimulatedAt(String terminalId) {
        return terminals.find(terminalId).map(TerminalHealth::devicesOf).orElse(List.of()).stream()
                .anyMatch(d -> d.kind() == DeviceKind.SCANNER && "simulated".equals(d.model()));
    }

    private final Map<String, Future<List<Object>>> prepared = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Future<List<Object>>> eldest) {
            return size() > KEPT;
        }
    };

    /** Starts rendering the case's printed pages in the background. */
    void prepare(CaptureCase k) {
        if (executor == null) {
            return;
        }
        synchronized (prepared) {
            prepared.computeIfAbsent(k.caseRef(), ref -> executor.submit(() -> CaptureImages.printedPages(k)));
        }
    }

    /** The case's printed pages: those made in the background (waiting for them if need be), else made now. */
    List<Object> take(CaptureCase k) {
        Future<List<Object>> ready;
        synchronized (prepared) {
            ready = prepared.remove(k.caseRef());
        }
        if (ready != null) {
            try {
                return ready.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // rendered again below, where a failure is the caller's to see
            }
        }
        return CaptureImages.printedPages(k);
    }
}
