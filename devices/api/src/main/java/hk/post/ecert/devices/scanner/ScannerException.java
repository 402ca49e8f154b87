package hk.post.ecert.devices.scanner;

import java.util.List;

/** A scan that failed with a typed fault; the pages scanned before it are kept (an ADF jam after page 3). */
public class ScannerException extends Exception {

    private final ScannerFault fault;
    private final List<ScannedImage> pagesBefore;

    public ScannerException(ScannerFault fault, String detail, List<ScannedImage> pagesBefore) {
        super(fault + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.fault = fault;
        this.pagesBefore = List.copyOf(pagesBefore);
    }

    public ScannerException(ScannerFault fault, String detail) {
        this(fault, detail, List.of());
    }

    public ScannerFault fault() {
        return fault;
    }

    public List<ScannedImage> pagesBefore() {
        return pagesBefore;
    }
}
