package hk.post.ecert.forms.scan;

import hk.post.ecert.forms.PageMark;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Synthetic scans of form pages for tests and benchmarks. */
public final class SampleScans {

    private SampleScans() {
    }

    /** An unrotated, unskewed A4 form page with its page mark. */
    public static BufferedImage formPage(int dpi, PageMark mark) {
        return scannedPage(dpi, mark, 0, 0);
    }

    /** An A4 page as a scanner returns it: grey, text, the page QR near the bottom right (1.2 cm module grid). */
    public static BufferedImage scannedPage(int dpi, PageMark mark, double skewDegrees, int quarterTurns) {
        int w = (int) Math.round(8.27 * dpi);
        int h = (int) Math.round(11.69 * dpi);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(245, 245, 240));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.DARK_GRAY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, dpi / 6));
        for (int line = 0; line < 30; line++) {
            g.drawString("CPos 798A  e-Cert (Personal) Application Form  line " + line, dpi / 2, dpi + line * dpi / 4);
        }
        if (mark != null) {
            int modulePx = Math.max(3, dpi / 40);   // about 0.64 mm a module
            BufferedImage qr = PageQr.render(mark, modulePx);
            g.drawImage(qr, w - qr.getWidth() - dpi / 2, h - qr.getHeight() - dpi / 2, null);
        }
        g.dispose();
        BufferedImage out = page;
        if (skewDegrees != 0) {
            out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D s = out.createGraphics();
            s.setColor(Color.WHITE);
            s.fillRect(0, 0, w, h);
            s.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            s.rotate(Math.toRadians(skewDegrees), w / 2.0, h / 2.0);
            s.drawImage(page, 0, 0, null);
            s.dispose();
        }
        Random noise = new Random(42);
        for (int i = 0; i < w * h / 2000; i++) {   // speckle: dust and sensor noise
            out.setRGB(noise.nextInt(w), noise.nextInt(h), 0x808080);
        }
        return quarterTurns == 0 ? out : PageIdentifier.rotate(out, quarterTurns);
    }

}
