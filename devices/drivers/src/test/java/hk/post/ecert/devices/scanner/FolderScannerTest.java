package hk.post.ecert.devices.scanner;

import hk.post.ecert.devices.scanner.folder.FolderDocumentScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderScannerTest extends DocumentScannerContract {

    @TempDir
    Path dir;

    @Override
    protected DocumentScanner scannerServing(BufferedImage page) throws Exception {
        ImageIO.write(page, "png", dir.resolve("scan-0001.png").toFile());
        return new FolderDocumentScanner(dir, Duration.ofMillis(20));
    }

    @Override
    protected Optional<DocumentScanner> scannerFailingWith(ScannerFault fault) {
        // a folder can only be empty: jams and open covers happen at the office scanner, which files nothing
        return fault == ScannerFault.NO_DOCUMENTS ? Optional.of(new FolderDocumentScanner(dir, Duration.ofMillis(20))) : Optional.empty();
    }

    @Test
    void aFeederBatchIsTakenInNameOrderOnce() throws Exception {
        for (int i = 3; i >= 1; i--) {
            ImageIO.write(knownPage(), "png", dir.resolve("scan-000" + i + ".png").toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not a scan");
        FolderDocumentScanner s = new FolderDocumentScanner(dir, Duration.ofMillis(20));
        List<ScannedImage> pages = s.scan(ScanRequest.forms(), p -> { });
        assertEquals(3, pages.size());
        assertTrue(Files.exists(dir.resolve("taken/scan-0001.png")));
        assertEquals(ScannerFault.NO_DOCUMENTS,
                assertThrows(ScannerException.class, () -> s.scan(ScanRequest.forms(), p -> { })).fault(), "never taken twice");
    }
}
