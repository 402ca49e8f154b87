package hk.post.ecert.devices.scanner;

import hk.post.ecert.devices.scanner.sane.PnmFiles;
import hk.post.ecert.devices.scanner.sane.PrivateSaned;
import hk.post.ecert.devices.scanner.sane.SaneDocumentScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The scanner contract against a real saned (private configuration, {@code test} and {@code pnm} backends). */
class SaneScannerTest extends DocumentScannerContract {

    static PrivateSaned saned;
    static Path work;

    @BeforeAll
    static void startSaned() throws Exception {
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(PrivateSaned.installed(), "saned (sane-utils) is required under bin/test");
        }
        assumeTrue(PrivateSaned.installed(), "saned is not installed (bin/test installs sane-utils)");
        work = Files.createTempDirectory("saned-");
        saned = new PrivateSaned(work);
    }

    @AfterAll
    static void stopSaned() {
        if (saned != null) {
            saned.close();
        }
    }

    @TempDir
    Path dir;

    @Override
    protected DocumentScanner scannerServing(BufferedImage page) throws Exception {
        Path file = dir.resolve("page.pgm");
        PnmFiles.write(page, file);
        return new SaneDocumentScanner(saned.address(), "pnm:0", Map.of("filename", file.toString()));
    }

    @Override
    protected Optional<DocumentScanner> scannerFailingWith(ScannerFault fault) throws Exception {
        Path file = dir.resolve("page.pgm");
        PnmFiles.write(knownPage(), file);
        String option = switch (fault) {
            case JAMMED -> "status-jammed";
            case COVER_OPEN -> "status-coveropen";
            case NO_DOCUMENTS -> "status-nodocs";
            default -> null;
        };
        return option == null ? Optional.empty() : Optional.of(new SaneDocumentScanner(saned.address(), "pnm:0",
                Map.of("filename", file.toString(), option, "true")));
    }

    @Test
    void theFeederIsScannedUntilItIsEmpty() throws Exception {
        // SANE's test backend feeds 10 pages from its ADF, then says "no documents"
        SaneDocumentScanner s = new SaneDocumentScanner(saned.address(), "test:0");
        List<ScannedImage> pages = s.scan(new ScanRequest(ScanRequest.Source.ADF, ScanRequest.Mode.GREY, 75), p -> { });
        assertEquals(10, pages.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), pages.stream().map(ScannedImage::sequence).toList());
    }

    @Test
    void aFeederFaultMidBatchKeepsThePagesBefore() throws Exception {
        SaneDocumentScanner s = new SaneDocumentScanner(saned.address(), "test:0",
                Map.of("read-return-value", "SANE_STATUS_JAMMED"));
        ScannerException e = assertThrows(ScannerException.class,
                () -> s.scan(new ScanRequest(ScanRequest.Source.ADF, ScanRequest.Mode.GREY, 75), p -> { }));
        assertEquals(ScannerFault.JAMMED, e.fault());
    }

    @Test
    void anUnknownDeviceAndAnAbsentDaemonAreNamed() throws Exception {
        ScannerException unknown = assertThrows(ScannerException.class, () -> new SaneDocumentScanner(saned.address(), "nosuch:9")
                .scan(ScanRequest.forms(), p -> { }));
        assertEquals(ScannerFault.UNSUPPORTED, unknown.fault(), unknown.getMessage());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ScannerException absent = assertThrows(ScannerException.class, () -> new SaneDocumentScanner(
                new InetSocketAddress("127.0.0.1", closed), "pnm:0").scan(ScanRequest.forms(), p -> { }));
        assertEquals(ScannerFault.UNREACHABLE, absent.fault());
    }
}
