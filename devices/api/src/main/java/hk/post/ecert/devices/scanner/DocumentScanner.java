package hk.post.ecert.devices.scanner;

import java.util.List;
import java.util.function.Consumer;

/**
 * A document scanner at the counter: a SANE device through saned, a scan-to-folder office scanner, or the
 * simulator. A scan from the feeder returns every page until the feeder is empty; each page is also handed to
 * {@code onPage} as it arrives, so a screen can show it at once.
 */
public interface DocumentScanner extends AutoCloseable {

    List<ScannedImage> scan(ScanRequest request, Consumer<ScannedImage> onPage) throws ScannerException;

    /** Asks a running scan to stop; it ends with {@link ScannerFault#CANCELLED} and the pages it had. */
    void cancel();

    /** Why the scanner cannot scan now (daemon unreachable, folder missing), or empty when it can. */
    default java.util.Optional<ScannerFault> problem() {
        return java.util.Optional.empty();
    }

    /** A short description for health reports, e.g. "SANE pnm:0 at 127.0.0.1:6566". */
    String describe();

    @Override
    default void close() {
    }
}
