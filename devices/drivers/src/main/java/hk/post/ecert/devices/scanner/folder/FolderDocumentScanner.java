package hk.post.ecert.devices.scanner.folder;

import hk.post.ecert.devices.scanner.DocumentScanner;
import hk.post.ecert.devices.scanner.ScanRequest;
import hk.post.ecert.devices.scanner.ScannedImage;
import hk.post.ecert.devices.scanner.ScannerException;
import hk.post.ecert.devices.scanner.ScannerFault;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An office scanner that scans to a folder (SMB share or USB): the clerk presses the scanner's button, files appear,
 * and a scan here takes every finished image in name order and moves it to {@code taken/} so it is never taken
 * twice. A file still growing is left until its size stops changing. The scanner's own settings decide source,
 * mode and resolution; the image's resolution is taken from the request.
 */
public final class FolderDocumentScanner implements DocumentScanner {

    private final Path folder;
    private final Duration settle;
    private volatile boolean cancelled;

    public FolderDocumentScanner(Path folder, Duration settle) {
        this.folder = folder;
        this.settle = settle;
    }

    @Override
    public List<ScannedImage> scan(ScanRequest request, Consumer<ScannedImage> onPage) throws ScannerException {
        cancelled = false;
        List<ScannedImage> pages = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(FolderDocumentScanner::isImage).sorted().toList();
        } catch (IOException e) {
            throw new ScannerException(ScannerFault.UNREACHABLE, "scan folder " + folder + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ScannerException(ScannerFault.NO_DOCUMENTS, "nothing in " + folder);
        }
        Path taken = folder.resolve("taken");
        for (Path f : files) {
            if (cancelled) {
                throw new ScannerException(ScannerFault.CANCELLED, "cancelled after " + pages.size() + " page(s)", pages);
            }
            try {
                waitUntilComplete(f);
                BufferedImage img = ImageIO.read(f.toFile());
                if (img == null) {
                    throw new ScannerException(ScannerFault.DEVICE_ERROR, f.getFileName() + " is not an image this counter can read", pages);
                }
                Files.createDirectories(taken);
                Files.move(f, taken.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                ScannedImage page = new ScannedImage(pages.size() + 1, img, request.dpi(), request.mode());
                pages.add(page);
                onPage.accept(page);
            } catch (IOException e) {
                throw new ScannerException(ScannerFault.IO_ERROR, f.getFileName() + ": " + e.getMessage(), pages);
            }
            if (request.source() == ScanRequest.Source.FLATBED) {
                break;
            }
        }
        return pages;
    }

    private void waitUntilComplete(Path f) throws IOException {
        long size = Files.size(f);
        while (true) {
            try {
                Thread.sleep(settle.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            long now = Files.size(f);
            if (now == size) {
                return;
            }
            size = now;
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".tif") || n.endsWith(".tiff");
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public java.util.Optional<ScannerFault> problem() {
        return Files.isDirectory(folder) ? java.util.Optional.empty() : java.util.Optional.of(ScannerFault.UNREACHABLE);
    }

    @Override
    public String describe() {
        return "scan folder " + folder;
    }
}
