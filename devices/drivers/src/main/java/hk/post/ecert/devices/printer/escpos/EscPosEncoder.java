package hk.post.ecert.devices.printer.escpos;

import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.ReceiptLine;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a {@link ReceiptDocument} into the ESC/POS bytes of one printer model. Bytes are pinned by golden tests:
 * change them only on purpose.
 */
public final class EscPosEncoder {

    /** Text marking a reprint, at the top and the bottom of the receipt. */
    public static final String COPY_MARK = "*** COPY 副本 ***";

    private static final int DOTS_PER_TEXT_LINE = 24;
    private final PrinterProfile profile;
    private final Charset singleByte;
    private final Charset big5 = Charset.forName("Big5-HKSCS");

    public EscPosEncoder(PrinterProfile profile) {
        this.profile = profile;
        this.singleByte = profile.chinese() == PrinterProfile.ChineseMode.BIG5 ? StandardCharsets.US_ASCII
                : Charset.forName(profile.charset());
    }

    public byte[] encode(ReceiptDocument doc) {
        Out out = new Out();
        out.bytes(EscPos.ESC, '@');                       // ESC @ — initialise
        out.bytes(EscPos.ESC, 't', profile.codePage());  // ESC t n — single-byte code page
        if (doc.copy()) {
            text(out, new ReceiptLine.Text(COPY_MARK, ReceiptLine.Align.CENTER, true, false));
        }
        for (ReceiptLine line : doc.lines()) {
            if (doc.copy() && line instanceof ReceiptLine.DrawerKick) {
                continue;   // a copy never opens the drawer
            }
            if (doc.copy() && line instanceof ReceiptLine.Cut) {
                text(out, new ReceiptLine.Text(COPY_MARK, ReceiptLine.Align.CENTER, true, false));
            }
            line(out, line);
        }
        return out.toByteArray();
    }

    private void line(Out out, ReceiptLine line) {
        if (line instanceof ReceiptLine.Text t) {
            text(out, t);
        } else if (line instanceof ReceiptLine.Columns c) {
            columns(out, c);
        } else if (line instanceof ReceiptLine.Rule) {
            text(out, new ReceiptLine.Text("-".repeat(profile.columnsFontA()), ReceiptLine.Align.LEFT, false, false));
        } else if (line instanceof ReceiptLine.Feed f) {
            out.bytes(EscPos.ESC, 'd', f.lines());        // ESC d n — print and feed n lines
        } else if (line instanceof ReceiptLine.QrCode q) {
            qr(out, q.data());
        } else if (line instanceof ReceiptLine.Barcode b) {
            barcode(out, b.data());
        } else if (line instanceof ReceiptLine.Cut) {
            out.bytes(EscPos.GS, 'V', 66, 3);             // GS V 66 n — feed n and partial cut
        } else if (line instanceof ReceiptLine.DrawerKick) {
            if (profile.drawer()) {
                out.bytes(EscPos.ESC, 'p', 0, 25, 250);   // ESC p m t1 t2 — pulse drawer pin 2, 50 ms on, 500 ms off
            }
        }
    }

    /** Display width in columns of font A: CJK ideographs and full-width forms take two. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    static boolean wide(int cp) {
        return cp >= 0x2E80 && cp <= 0xFFDC && !(cp >= 0xFF61 && cp <= 0xFF9F);
    }

    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(EscPosEncoder::wide);
    }

    private void text(Out out, ReceiptLine.Text t) {
        int columns = t.doubleSize() ? profile.columnsFontA() / 2 : profile.columnsFontA();
        for (String piece : wrap(t.text(), columns)) {
            out.bytes(EscPos.ESC, 'a', t.align().ordinal());         // ESC a n — justification
            out.bytes(EscPos.ESC, 'E', t.bold() ? 1 : 0);             // ESC E n — emphasis
            out.bytes(EscPos.GS, '!', t.doubleSize() ? 0x11 : 0x00);  // GS ! n — character size
            printable(out, piece, t.align(), t.doubleSize());
            out.bytes(EscPos.LF);
        }
        out.bytes(EscPos.ESC, 'E', 0);
        out.bytes(EscPos.GS, '!', 0);
        out.bytes(EscPos.ESC, 'a', 0);
    }

    /**
     * The text as the paper shows it, and nothing the printer would obey: C0 and C1 control characters and DEL (ESC,
     * GS, FS, DLE … that would open the drawer, change the print mode or cut) become a visible '?' (issue 31).
     */
    static String withoutControls(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append('?');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private void columns(Out out, ReceiptLine.Columns c) {
        int columns = profile.columnsFontA();
        int gap = columns - width(c.label()) - width(c.value());
        if (gap < 1) {
            text(out, new ReceiptLine.Text(c.label(), ReceiptLine.Align.LEFT, c.bold(), false));
            text(out, new ReceiptLine.Text(c.value(), ReceiptLine.Align.RIGHT, c.bold(), false));
            return;
        }
        text(out, new ReceiptLine.Text(c.label() + " ".repeat(gap) + c.value(), ReceiptLine.Align.LEFT, c.bold(), false));
    }

    private void printable(Out out, String text, ReceiptLine.Align align, boolean doubleSize) {
        String s = withoutControls(text);
        if (!hasChinese(s)) {
            out.write(s.getBytes(singleByte));
            return;
        }
        if (profile.chinese() == PrinterProfile.ChineseMode.BIG5) {
            // FS & enters Kanji (here: Big5) mode; FS . leaves it. Outside it the printer reads single bytes.
            StringBuilder run = new StringBuilder();
            boolean chineseRun = false;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                boolean w = wide(cp);
                if (w != chineseRun && run.length() > 0) {
                    flush(out, run.toString(), chineseRun);
                    run.setLength(0);
                }
                chineseRun = w;
                run.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            flush(out, run.toString(), chineseRun);
        } else {
            raster(out, s, align, doubleSize);
        }
    }

    private void flush(Out out, String run, boolean chinese) {
        if (chinese) {
            out.bytes(EscPos.FS, '&');
            out.write(run.getBytes(big5));
            out.bytes(EscPos.FS, '.');
        } else {
            out.write(run.getBytes(singleByte));
        }
    }

    /**
     * {@code GS v 0}: the line as a 1-bit raster image, for printers without a Chinese font. The whole paper width is
     * sent so the justification is in the picture.
     */
    private void raster(Out out, String s, ReceiptLine.Align align, boolean doubleSize) {
        int height = doubleSize ? DOTS_PER_TEXT_LINE * 2 : DOTS_PER_TEXT_LINE;
        int widthDots = profile.dotsPerLine();
        BufferedImage img = new BufferedImage(widthDots, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, widthDots, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(chineseFont(height - 2));
        int textWidth = g.getFontMetrics().stringWidth(s);
        int x = switch (align) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (widthDots - textWidth) / 2);
            case RIGHT -> Math.max(0, widthDots - textWidth);
        };
        g.drawString(s, x, height - g.getFontMetrics().getDescent() - 1);
        g.dispose();
        int bytesPerRow = widthDots / 8;
        out.bytes(EscPos.GS, 'v', '0', 0, bytesPerRow & 0xFF, bytesPerRow >> 8, height & 0xFF, height >> 8);
        for (int y = 0; y < height; y++) {
            for (int bx = 0; bx < bytesPerRow; bx++) {
                int b = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if ((img.getRGB(bx * 8 + bit, y) & 0xFFFFFF) == 0) {
                        b |= 0x80 >> bit;
                    }
                }
                // A printer treats DLE EOT inside raster data as a real-time command; 0x10 followed by 0x04 cannot
                // be avoided in general, so clear the lowest dot of any 0x10 byte (one dot, never visible).
                out.write(b == EscPos.DLE ? 0x00 : b);
            }
        }
    }

    static Font chineseFont(int size) {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String wanted : new String[]{"AR PL UMing HK", "AR PL UMing TW", "AR PL UMing TW MBE", "AR PL UMing CN"}) {
            if (Arrays.asList(families).contains(wanted)) {
                return new Font(wanted, Font.PLAIN, size);
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    private void qr(Out out, String data) {
        if (!profile.qr()) {
            text(out, new ReceiptLine.Text(data, ReceiptLine.Align.CENTER, false, false));
            return;
        }
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.bytes(EscPos.ESC, 'a', 1);
        out.bytes(EscPos.GS, '(', 'k', 4, 0, 49, 65, 50, 0);   // fn 165: model 2 (n1 = 50 per Epson's reference)
        out.bytes(EscPos.GS, '(', 'k', 3, 0, 49, 67, 6);       // fn 167: module size 6 dots
        out.bytes(EscPos.GS, '(', 'k', 3, 0, 49, 69, 49);      // fn 169: error correction M
        int len = bytes.length + 3;                             // sized in bytes, not characters
        out.bytes(EscPos.GS, '(', 'k', len & 0xFF, len >> 8, 49, 80, 48);  // fn 180: store
        out.write(bytes);
        out.bytes(EscPos.GS, '(', 'k', 3, 0, 49, 81, 48);      // fn 181: print
        out.bytes(EscPos.LF);
        out.bytes(EscPos.ESC, 'a', 0);
    }

    private void barcode(Out out, String data) {
        if (!profile.barcode()) {
            text(out, new ReceiptLine.Text(data, ReceiptLine.Align.CENTER, false, false));
            return;
        }
        byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);
        out.bytes(EscPos.ESC, 'a', 1);
        out.bytes(EscPos.GS, 'H', 2);                 // GS H 2 — human-readable text below
        out.bytes(EscPos.GS, 'h', 80);                // GS h n — height in dots
        out.bytes(EscPos.GS, 'w', 2);                 // GS w n — module width
        out.bytes(EscPos.GS, 'k', 73, bytes.length + 2, '{', 'B');   // GS k 73 — CODE128, code set B
        out.write(bytes);
        out.bytes(EscPos.LF);
        out.bytes(EscPos.ESC, 'a', 0);
    }

    /** Splits a text into pieces no wider than {@code columns}, at spaces where possible. */
    static List<String> wrap(String s, int columns) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (width(rest) > columns) {
            int cut = 0;
            int w = 0;
            int lastSpace = -1;
            while (cut < rest.length()) {
                int cp = rest.codePointAt(cut);
                int cw = wide(cp) ? 2 : 1;
                if (w + cw > columns) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = cut;
                }
                w += cw;
                cut += Character.charCount(cp);
            }
            int at = lastSpace > 0 && !hasChinese(rest.substring(0, cut)) ? lastSpace : cut;
            out.add(rest.substring(0, at).stripTrailing());
            rest = rest.substring(at).stripLeading();
        }
        out.add(rest);
        return out;
    }

    private static final class Out extends ByteArrayOutputStream {
        void bytes(int... values) {
            for (int v : values) {
                write(v);
            }
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }
    }
}
