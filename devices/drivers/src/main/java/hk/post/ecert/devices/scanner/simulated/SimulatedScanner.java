package hk.post.ecert.devices.scanner.simulated;

import hk.post.ecert.devices.scanner.DocumentScanner;
import hk.post.ecert.devices.scanner.ScanRequest;
import hk.post.ecert.devices.scanner.ScannedImage;
import hk.post.ecert.devices.scanner.ScannerException;
import hk.post.ecert.devices.scanner.ScannerFault;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A scanner that serves the pages it is given, as if they were in the feeder, and can be told to fail (jam after a
 * number of pages, cover open, ...). Used by {@code bin/run} and for fault injection in tests.
 */
public final class SimulatedScanner implements DocumentScanner {

    private final Deque<BufferedImage> feeder = new ArrayDeque<>();
    private volatile ScannerFault fault;
    private volatile int faultAfterPages;
    private volatile boolean cancelled;

    /** Puts pages in the feeder (scanned in this order). */
    public synchronized void load(List<BufferedImage> pages) {
        feeder.addAll(pages);
    }

    /** The next scan fails with {@code fault} after {@code afterPages} pages (0: at once); empty clears it. */
    public void failWith(Optional<ScannerFault> fault, int afterPages) {
        this.fault = fault.orElse(null);
        this.faultAfterPages = afterPages;
    }

    public synchronized int waiting() {
        return feeder.size();
    }

    @Override
    public synchronized List<ScannedImage> scan(ScanRequest request, Consumer<ScannedImage> onPage) throws ScannerException {
        cancelled = false;
        List<ScannedImage> pages = new ArrayList<>();
        ScannerFault f = fault;
        if (feeder.isEmpty() && f == null) {
            throw new ScannerException(ScannerFault.NO_DOCUMENTS, "the simulated feeder is empty");
        }
        while (!feeder.isEmpty()) {
            if (cancelled) {
                throw new ScannerException(ScannerFault.CANCELLED, "cancelled", pages);
            }
            if (f != null && pages.size() >= faultAfterPages) {
                fault = null;
                throw new ScannerException(f, "simulated", pages);
            }
            ScannedImage page = new ScannedImage(pages.size() + 1, feeder.poll(), request.dpi(), request.mode());
            pages.add(page);
            onPage.accept(page);
            if (request.source() == ScanRequest.Source.FLATBED) {
                break;
            }
        }
        if (f != null && fault != null) {
            fault = null;
            throw new ScannerException(f, "simulated", pages);
        }
        return pages;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public String describe() {
        return "simulated scanner (" + waiting() + " page(s) in the feeder)";
    }
}
