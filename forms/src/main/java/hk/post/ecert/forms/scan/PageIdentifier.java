package hk.post.ecert.forms.scan;

import hk.post.ecert.forms.PageMark;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds which case, form and page a scanned page is, from its page QR code — whichever way up the page went through
 * the scanner. A page without a readable page mark (a supporting document, an ID copy) belongs to the pile the clerk
 * labels by hand.
 */
public final class PageIdentifier {

    private PageIdentifier() {
    }

    public static Optional<PageMark> identify(BufferedImage page) {
        // The whole page first. QR finder patterns make decoding rotation-proof in principle, but on a large, skewed
        // or noisy scan the detector does better on a corner of the page (the mark sits in one, whichever way up the
        // page went in), and on a 300 dpi scan at half size.
        // each candidate is made only when the ones before it were not read (most pages read whole, at once)
        for (Supplier<BufferedImage> candidate : candidates(page)) {
            Optional<PageMark> mark = decode(candidate.get()).flatMap(PageMark::parse);
            if (mark.isPresent()) {
                return mark;
            }
        }
        for (int quarterTurns = 1; quarterTurns < 4; quarterTurns++) {
            Optional<PageMark> mark = decode(rotate(page, quarterTurns)).flatMap(PageMark::parse);
            if (mark.isPresent()) {
                return mark;
            }
        }
        return Optional.empty();
    }

    private static List<Supplier<BufferedImage>> candidates(BufferedImage page) {
        List<Supplier<BufferedImage>> out = new java.util.ArrayList<>();
        out.add(() -> page);
        int w = page.getWidth();
        int h = page.getHeight();
        int cw = w * 2 / 5;
        int ch = h * 2 / 5;
        for (int[] corner : new int[][]{{w - cw, h - ch}, {0, 0}, {w - cw, 0}, {0, h - ch}}) {
            out.add(() -> page.getSubimage(corner[0], corner[1], cw, ch));
            if (w > 2000) {
                out.add(() -> half(page.getSubimage(corner[0], corner[1], cw, ch)));
            }
        }
        return out;
    }

    private static BufferedImage half(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private static Optional<String> decode(BufferedImage img) {
        return QrScanner.read(img);
    }

    static BufferedImage rotate(BufferedImage src, int quarterTurns) {
        boolean swap = quarterTurns % 2 == 1;
        int w = swap ? src.getHeight() : src.getWidth();
        int h = swap ? src.getWidth() : src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.quadrantRotate(quarterTurns);
        t.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }
}
