package hk.post.ecert.devices.printer.simulated;

import hk.post.ecert.devices.printer.escpos.EscPos;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The simulated receipt printer: it reads real ESC/POS from a byte stream (a socat pty, or a pipe in the same
 * process), answers {@code DLE EOT} with Epson status bytes for its current condition, decodes what it printed back
 * into lines of text (Big5 decoded) and renders each receipt as an image. It can be switched to paper out, paper
 * near end, cover open, or silent, and can pace its reading at a baud rate like a real serial line.
 */
public class VirtualPrinter {

    /** The printer's condition, as a person at the counter would see it. */
    public enum Condition { READY, PAPER_NEAR_END, PAPER_OUT, COVER_OPEN, SILENT }

    private final PrinterProfile profile;
    private final Charset big5Charset = Charset.forName("Big5-HKSCS");
    private final List<PrintedReceipt> receipts = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition receiptDone = lock.newCondition();
    private volatile VirtualPrinter.Condition condition = VirtualPrinter.Condition.READY;
    private volatile int paceBaud;
    private volatile VirtualPrinter.Condition conditionAfterNextCut;
    private volatile long lastByteNanos;

    private ReceiptBuilder current;
    /** Receipts cut but still being rendered: the picture is drawn off the line, as a real printer keeps answering. */
    private int rendering;
    private final java.util.concurrent.ExecutorService renderer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "virtual-printer-render");
        t.setDaemon(true);
        return t;
    });

    public VirtualPrinter(PrinterProfile profile) {
        this.profile = profile;
    }

    public PrinterProfile profile() {
        return profile;
    }

    public void setCondition(VirtualPrinter.Condition c) {
        this.condition = c;
    }

    public VirtualPrinter.Condition condition() {
        return condition;
    }

    /** Fault injection: the printer changes condition (e.g. runs out of paper) as it cuts the next receipt. */
    public void becomeAfterNextCut(VirtualPrinter.Condition c) {
        this.conditionAfterNextCut = c;
    }

    /** Read no faster than a real 8N1 line at this speed (10 bits a byte); 0 = as fast as bytes come. */
    public void pace(int baud) {
        this.paceBaud = baud;
    }

    /** Every receipt cut so far (waiting for any still being rendered). */
    public List<PrintedReceipt> receipts() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rendering > 0 && System.nanoTime() < deadline) {
                receiptDone.awaitNanos(deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return List.copyOf(receipts);
    }

    /** When the last byte of anything arrived (for line-speed measurements). */
    public long lastByteNanos() {
        return lastByteNanos;
    }

    /** Waits until at least {@code count} receipts have been cut. */
    public boolean awaitReceipts(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (receipts.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                receiptDone.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Serves one line until it ends: reads commands from {@code in} and writes status replies to {@code out}.
     * Returns when the stream ends.
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        Paced p = new Paced(in);
        try {
            while (true) {
                int b = p.readUnrecorded();
                if (b != EscPos.DLE) {
                    p.record(b);
                }
                switch (b) {
                    case EscPos.DLE -> dle(p, out);
                    case EscPos.ESC -> esc(p);
                    case EscPos.GS -> gs(p);
                    case EscPos.FS -> fs(p);
                    case EscPos.LF -> builder().newLine();
                    case '\r' -> { }
                    default -> builder().textByte(b);
                }
            }
        } catch (EOFException end) {
            // the line closed
        }
    }

    /** DLE EOT n is a real-time request: answered at once, and not part of the receipt's bytes. */
    private void dle(Paced p, OutputStream out) throws IOException {
        int b = p.readUnrecorded();
        if (b != EscPos.EOT) {
            p.record(EscPos.DLE);
            p.record(b);
            return;
        }
        int n = p.readUnrecorded();
        if (condition == VirtualPrinter.Condition.SILENT) {
            return;
        }
        out.write(statusByte(n));
        out.flush();
    }

    /** Epson's answers (TM-T88 class) to DLE EOT 1, 2 and 4 in each condition. */
    int statusByte(int n) {
        int base = EscPos.STATUS_BASE;
        return switch (condition) {
            case READY, SILENT -> base;
            case PAPER_NEAR_END -> n == EscPos.STATUS_ROLL_PAPER ? base | EscPos.NEAR_END_BITS : base;
            case PAPER_OUT -> switch (n) {
                case EscPos.STATUS_PRINTER -> base | EscPos.OFFLINE_BIT;
                case EscPos.STATUS_OFFLINE_CAUSE -> base | EscPos.PAPER_END_STOP_BIT;
                default -> base | EscPos.PAPER_END_BITS;
            };
            case COVER_OPEN -> switch (n) {
                case EscPos.STATUS_PRINTER -> base | EscPos.OFFLINE_BIT;
                case EscPos.STATUS_OFFLINE_CAUSE -> base | EscPos.COVER_OPEN_BIT;
                default -> base;
            };
        };
    }

    private void esc(Paced p) throws IOException {
        int c = p.read();
        ReceiptBuilder r = builder();
        switch (c) {
            case '@' -> r.reset();
            case 't' -> p.read();
            case 'a' -> r.align = p.read();
            case 'E' -> r.bold = p.read() == 1;
            case 'd' -> r.feed(p.read());
            case 'p' -> {
                p.read();
                p.read();
                p.read();
                r.drawerKicked = true;
            }
            default -> { }
        }
    }

    private void gs(Paced p) throws IOException {
        int c = p.read();
        ReceiptBuilder r = builder();
        switch (c) {
            case '!' -> r.doubleSize = p.read() != 0;
            case 'V' -> {
                int m = p.read();
                if (m == 65 || m == 66) {
                    p.read();
                }
                cut();
            }
            case 'H', 'h', 'w' -> p.read();
            case 'k' -> {
                int m = p.read();
                int len = p.read();
                byte[] data = p.readN(len);
                String s = new String(data, StandardCharsets.US_ASCII);
                r.barcode(m == 73 && s.startsWith("{B") ? s.substring(2) : s);
            }
            case '(' -> {
                if (p.read() != 'k') {
                    return;
                }
                int len = p.read() | (p.read() << 8);
                byte[] body = p.readN(len);
                if (len >= 3 && body[0] == 49 && body[1] == 80) {
                    r.qrData = new String(body, 3, len - 3, StandardCharsets.UTF_8);
                } else if (len == 3 && body[0] == 49 && body[1] == 81) {
                    r.qr(r.qrData);
                }
            }
            case 'v' -> {
                p.read();   // '0'
                p.read();   // m
                int xBytes = p.read() | (p.read() << 8);
                int yDots = p.read() | (p.read() << 8);
                r.raster(xBytes, yDots, p.readN(xBytes * yDots));
            }
            default -> { }
        }
    }

    private void fs(Paced p) throws IOException {
        int c = p.read();
        if (c == '&') {
            builder().big5 = true;
        } else if (c == '.') {
            builder().big5 = false;
        }
    }

    private ReceiptBuilder builder() {
        if (current == null) {
            current = new ReceiptBuilder();
        }
        return current;
    }

    /**
     * The cut: the receipt is done. Its picture is rendered on another thread so that the line keeps being read and
     * real-time status requests (DLE EOT) are answered at once, as a real printer does while it prints.
     */
    private void cut() {
        ReceiptBuilder r = builder();
        r.newLineIfPending();
        List<PrintedLine> lines = List.copyOf(r.lines);
        byte[] raw = r.raw.toByteArray();
        boolean drawer = r.drawerKicked;
        current = null;
        if (condition == VirtualPrinter.Condition.PAPER_OUT || condition == VirtualPrinter.Condition.COVER_OPEN) {
            return;   // nothing came out of an offline printer
        }
        VirtualPrinter.Condition next = conditionAfterNextCut;
        if (next != null) {
            condition = next;
            conditionAfterNextCut = null;
        }
        lock.lock();
        try {
            rendering++;
        } finally {
            lock.unlock();
        }
        renderer.execute(() -> {
            PrintedReceipt done = null;
            try {
                done = PrintedReceipt.of(lines, ReceiptImage.render(lines, profile.dotsPerLine()), raw, drawer);
            } finally {
                lock.lock();
                try {
                    if (done != null) {
                        receipts.add(done);
                    }
                    rendering--;
                    receiptDone.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    /** Reads bytes, keeping a copy for the receipt, no faster than the paced line speed. */
    private final class Paced {
        private final InputStream in;
        private long startNanos;
        private long count;

        Paced(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            int b = readUnrecorded();
            record(b);
            return b;
        }

        int readUnrecorded() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            pace();
            return b;
        }

        void record(int b) {
            builder().raw.write(b);
        }

        byte[] readN(int n) throws IOException {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = (byte) read();
            }
            return out;
        }

        private void pace() {
            long now = System.nanoTime();
            int baud = paceBaud;
            if (baud > 0) {
                if (count == 0 || now - lastByteNanos > 50_000_000L) {
                    startNanos = now;   // an idle line starts a new burst
                    count = 0;
                }
                count++;
                long due = startNanos + count * 10_000_000_000L / baud;
                long wait = due - now;
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            lastByteNanos = System.nanoTime();
        }
    }

    /** The receipt being printed: decoded lines and the raw bytes. */
    final class ReceiptBuilder {
        final List<PrintedLine> lines = new ArrayList<>();
        final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final StringBuilder decoded = new StringBuilder();
        int align;
        boolean bold;
        boolean doubleSize;
        boolean big5;
        boolean drawerKicked;
        String qrData = "";
        private boolean pendingBig5;

        void reset() {
            align = 0;
            bold = false;
            doubleSize = false;
            big5 = false;
        }

        void textByte(int b) {
            if (big5 != pendingBig5) {
                flushText();
                pendingBig5 = big5;
            }
            text.write(b);
        }

        private void flushText() {
            if (text.size() > 0) {
                decoded.append(new String(text.toByteArray(), pendingBig5 ? big5Charset : StandardCharsets.ISO_8859_1));
                text.reset();
            }
        }

        void newLine() {
            flushText();
            lines.add(PrintedLine.text(decoded.toString(), align, bold, doubleSize));
            decoded.setLength(0);
        }

        void newLineIfPending() {
            flushText();
            if (decoded.length() > 0) {
                newLine();
            }
        }

        void feed(int n) {
            newLineIfPending();
            for (int i = 0; i < n; i++) {
                lines.add(PrintedLine.text("", 0, false, false));
            }
        }

        void qr(String data) {
            newLineIfPending();
            lines.add(PrintedLine.qr(data));
        }

        void barcode(String data) {
            newLineIfPending();
            lines.add(PrintedLine.barcode(data));
        }

        void raster(int xBytes, int yDots, byte[] data) {
            BufferedImage img = new BufferedImage(xBytes * 8, yDots, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < yDots; y++) {
                for (int x = 0; x < xBytes * 8; x++) {
                    boolean black = (data[y * xBytes + x / 8] & (0x80 >> (x % 8))) != 0;
                    img.setRGB(x, y, black ? 0x000000 : 0xFFFFFF);
                }
            }
            lines.add(PrintedLine.raster(img));
        }
    }
}
