package hk.post.ecert.counter.infrastructure.demo;

import hk.post.ecert.counter.application.DeliveryAttachment;
import hk.post.ecert.counter.application.TerminalHealth;
import hk.post.ecert.counter.application.capture.ScannerFeed;
import hk.post.ecert.counter.domain.model.capture.CaptureRecords;
import hk.post.ecert.counter.domain.model.capture.FormPictures;
import hk.post.ecert.devices.job.JobKind;
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
 * 300 dpi. Rendering them takes a second or more, so they are made in the background when the case's capture opens.
 * The scan job names the case ({@link #PAGES_OF}) and the pages are attached when the job is sent, off the clerk's
 * request (issue 16: each action's server time): the press neither waits for them nor stores half a megabyte with
 * the job. A real scanner needs none of this.
 */
@ApplicationScoped
public class SimulatorPages implements DeliveryAttachment, ScannerFeed {

    /** The payload key naming the case whose printed pages the simulated scanner is to be handed. */
    private static final String PAGES_OF = "simulatorPagesOf";

    /** Cases whose pages are kept ready at most (a case opened and never scanned is forgotten first). */
    private static final int KEPT = 16;

    @Resource
    ManagedExecutorService executor;

    @Inject
    TerminalRepository terminals;

    /** Whether the terminal's scanner is the simulator (as the terminal last reported its devices). */
    private boolean scannerIsSimulatedAt(String terminalId) {
        return terminals.find(terminalId).map(TerminalHealth::devicesOf).orElse(List.of()).stream()
                .anyMatch(d -> d.kind() == DeviceKind.SCANNER && "simulated".equals(d.model()));
    }

    private final Map<String, Future<List<Object>>> prepared = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Future<List<Object>>> eldest) {
            return size() > KEPT;
        }
    };

    /** At a simulated scanner: starts rendering the case's printed pages in the background. */
    @Override
    public void captureOpened(String terminalId, CaptureCase k) {
        if (executor == null || !scannerIsSimulatedAt(terminalId)) {
            return;
        }
        synchronized (prepared) {
            prepared.computeIfAbsent(k.caseRef(), ref -> executor.submit(() -> pictures.printedPages(k)));
        }
    }

    @Inject
    CaptureRecords records;

    @Inject
    FormPictures pictures;

    /**
     * A feeder scan at a simulated scanner names the case, so that the case's printed pages are attached when the job
     * is sent (the demo can scan "the printed form").
     */
    @Override
    public Map<String, Object> scanJob(String terminalId, CaptureCase k, boolean feeder, Map<String, Object> payload) {
        if (!feeder || !scannerIsSimulatedAt(terminalId)) {
            return payload;
        }
        Map<String, Object> out = new LinkedHashMap<>(payload);
        out.put(PAGES_OF, k.caseRef());
        return out;
    }

    /** A scan job naming a case is handed that case's printed pages as {@code simulatorPages}. */
    @Override
    public Map<String, Object> attach(JobKind kind, Map<String, Object> payload) {
        if (kind != JobKind.SCAN_DOCUMENTS || !(payload.get(PAGES_OF) instanceof String caseRef)) {
            return payload;
        }
        Map<String, Object> out = new LinkedHashMap<>(payload);
        out.remove(PAGES_OF);
        records.find(caseRef).ifPresent(k -> out.put("simulatorPages", pages(k)));
        return out;
    }

    /**
     * The case's printed pages: those made in the background (waiting for them if need be), else made now. They are
     * kept: a job sent again after a reconnect is handed the same pages.
     */
    private List<Object> pages(CaptureCase k) {
        Future<List<Object>> ready;
        synchronized (prepared) {
            ready = prepared.get(k.caseRef());
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
        return pictures.printedPages(k);
    }
}
