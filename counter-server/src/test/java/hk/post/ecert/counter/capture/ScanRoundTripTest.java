package hk.post.ecert.counter.capture;

import hk.post.ecert.devices.scanner.ScanRequest;
import hk.post.ecert.devices.scanner.ScannedImage;
import hk.post.ecert.devices.scanner.sane.PrivateSaned;
import hk.post.ecert.devices.scanner.sane.SaneDocumentScanner;
import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.archive.ArchiveAssembler;
import hk.post.ecert.forms.archive.ScannedPage;
import hk.post.ecert.forms.render.FormDefinition;
import hk.post.ecert.forms.render.FormRenderer;
import hk.post.ecert.forms.scan.PageIdentifier;
import hk.post.ecert.forms.upload.AcceptedDocument;
import hk.post.ecert.forms.upload.UploadValidator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The paper round trip with real parts: a pre-filled CPos 798A for a case is rendered, rasterised by poppler's
 * pdftoppm as a scanner would see the printed page (150 and 300 dpi, grey), served by a private saned's
 * {@code pnm} backend, scanned through jfreesane, identified by its page QR, archived as one PDF and validated.
 */
class ScanRoundTripTest {

    static PrivateSaned saned;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        boolean pdftoppm = Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(PrivateSaned.installed(), "saned (sane-utils) is required under bin/test");
            assertTrue(pdftoppm, "pdftoppm (poppler-utils) is required under bin/test");
        }
        assumeTrue(PrivateSaned.installed() && pdftoppm, "saned or pdftoppm is not installed");
        work = Files.createTempDirectory("roundtrip-");
        saned = new PrivateSaned(work);
    }

    @AfterAll
    static void stop() {
        if (saned != null) {
            saned.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 300})
    void aRenderedFormScannedBackLandsOnItsCaseAsAValidArchive(int dpi) throws Exception {
        String caseRef = "RC-2026-00" + dpi;
        byte[] form = FormRenderer.render(FormDefinition.of(FormId.CPOS_798A), caseRef,
                Map.of("surname", "CHAN", "given_name", "TAI MAN", "chinese_name", "陳大文", "hkid", "A123456(3)"));
        Path pdf = work.resolve(caseRef + ".pdf");
        Files.write(pdf, form);
        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-r", Integer.toString(dpi), "-gray", pdf.toString(),
                work.resolve(caseRef).toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        List<Path> rasters;
        try (Stream<Path> s = Files.list(work)) {
            rasters = s.filter(f -> f.getFileName().toString().startsWith(caseRef + "-") && f.toString().endsWith(".pgm"))
                    .sorted().toList();
        }
        assertEquals(2, rasters.size(), "CPos 798A renders on two pages");

        List<ScannedPage> archive = new ArrayList<>();
        for (int i = 0; i < rasters.size(); i++) {
            SaneDocumentScanner scanner = new SaneDocumentScanner(saned.address(), "pnm:0",
                    Map.of("filename", rasters.get(i).toString()));
            List<ScannedImage> scanned = scanner.scan(new ScanRequest(ScanRequest.Source.FLATBED, ScanRequest.Mode.GREY, dpi), x -> { });
            BufferedImage img = scanned.get(0).image();
            assertEquals(Math.round(8.27 * dpi), img.getWidth(), 2.0);
            Optional<PageMark> mark = PageIdentifier.identify(img);
            assertEquals(Optional.of(new PageMark(caseRef, FormId.CPOS_798A, i + 1)), mark, "page " + (i + 1) + " at " + dpi + " dpi");
            archive.add(new ScannedPage(img, dpi, ScannedPage.Mode.GREY));
        }
        byte[] archived = ArchiveAssembler.assemble(archive);
        AcceptedDocument accepted = UploadValidator.validate(archived, UploadValidator.Purpose.RENEWAL_FORM);
        assertTrue(archived.length <= UploadValidator.MAX_BYTES);
        assertEquals(64, accepted.sha256().length());
        try (PDDocument doc = Loader.loadPDF(archived)) {
            assertEquals(2, doc.getNumberOfPages());
            BufferedImage again = new PDFRenderer(doc).renderImageWithDPI(1, 150, ImageType.GRAY);
            assertEquals(Optional.of(new PageMark(caseRef, FormId.CPOS_798A, 2)), PageIdentifier.identify(again),
                    "the page mark survives the archive's JPEG");
        }
        System.out.printf("round trip at %d dpi: 2 pages, archive %d KB%n", dpi, archived.length / 1024);
    }
}
