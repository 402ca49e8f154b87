package hk.post.ecert.bench;

import hk.post.ecert.forms.render.FormDefinition;
import hk.post.ecert.forms.render.FormRenderer;
import hk.post.ecert.forms.FormId;
import hk.post.ecert.forms.PageMark;
import hk.post.ecert.forms.archive.ArchiveAssembler;
import hk.post.ecert.forms.archive.ScannedPage;
import hk.post.ecert.forms.scan.PageIdentifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/bench scan}: an A4 300-dpi grey scan of a rendered form page through the archive path (in process), against
 * ImageMagick's {@code convert page.png -quality 75 page.jpg} of the same page; then the page QR decoded again from
 * the archived PDF, rasterised at 150 dpi.
 */
public final class ScanArchiveSpeed {

    private static final int RUNS = 7;

    private ScanArchiveSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PageMark mark = new PageMark("RC-2026-000900", FormId.CPOS_798A, 1);
        // the first page of a pre-filled CPos 798A as a 300-dpi grey scan of the printed page: the rendered form, a
        // slightly grey paper and the scanner's speckle
        byte[] form = FormRenderer.render(FormDefinition.of(FormId.CPOS_798A),
                mark.caseReference(), java.util.Map.of("surname", "CHAN", "given_name", "TAI MAN", "chinese_name", "陳大文",
                        "hkid", "A123456(3)", "date_of_birth", "01/02/1980", "email_in_cert", "chan@example.hk"));
        BufferedImage grey;
        try (PDDocument doc = Loader.loadPDF(form)) {
            grey = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
        }
        java.util.Random noise = new java.util.Random(42);
        java.awt.image.WritableRaster r = grey.getRaster();
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int v = r.getSample(x, y, 0);
                r.setSample(x, y, 0, v > 240 ? 246 - noise.nextInt(4) : v);   // paper is never pure white
            }
        }
        for (int i = 0; i < grey.getWidth() * grey.getHeight() / 2000; i++) {   // dust and sensor noise
            r.setSample(noise.nextInt(grey.getWidth()), noise.nextInt(grey.getHeight()), 0, 128);
        }
        Path png = dir.resolve("page.png");
        ImageIO.write(grey, "png", png.toFile());

        byte[] pdf = null;
        long[] ours = new long[RUNS];
        long[] magick = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            pdf = ArchiveAssembler.assemble(List.of(new ScannedPage(grey, 300, ScannedPage.Mode.GREY)));
            ours[i] = System.nanoTime() - t0;
            long m0 = System.nanoTime();
            Process p = new ProcessBuilder(System.getProperty("bench.convert", "convert"), png.toString(), "-quality", "75", dir.resolve("page.jpg").toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("convert failed");
            }
            magick[i] = System.nanoTime() - m0;
            System.out.printf("run %d: archive %.0f ms, ImageMagick %.0f ms%n", i, ours[i] / 1e6, magick[i] / 1e6);
        }
        int decoded;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage back = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            decoded = PageIdentifier.identify(back).filter(mark::equals).isPresent() ? 1 : 0;
        }
        double ratio = (double) median(ours) / median(magick);
        System.out.printf("RESULT scan kb_per_page=%d time_ratio_vs_imagemagick=%.2f qr_decoded=%d%n", pdf.length / 1024, ratio, decoded);

        // a received page as the server reads it (issue 32): the PNG decoded, then its page mark found; the decode is the
        // baseline of the same run
        byte[] pngBytes = java.nio.file.Files.readAllBytes(png);
        long[] decode = new long[RUNS];
        long[] identify = new long[RUNS];
        int found = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            BufferedImage received = ImageIO.read(new java.io.ByteArrayInputStream(pngBytes));
            decode[i] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            found += PageIdentifier.identify(received).filter(mark::equals).isPresent() ? 1 : 0;
            identify[i] = System.nanoTime() - t1;
        }
        System.out.printf("RESULT scan received_page_decode_ms=%.0f identify_ms=%.0f identify_vs_decode=%.2f identified=%d/%d%n",
                median(decode) / 1e6, median(identify) / 1e6, (double) median(identify) / median(decode), found, RUNS);
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
