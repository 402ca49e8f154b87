package hk.post.ecert.devices.printer.simulated;

import hk.post.ecert.devices.printer.escpos.EscPos;
import hk.post.ecert.devices.printer.escpos.PrinterLink;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A line into a {@link VirtualPrinter} in the same process: the same ESC/POS bytes and status replies as over a
 * serial cable, through in-memory pipes. Used by {@code bin/run}'s terminal and by the contract tests.
 */
public class InProcessPrinterLink implements PrinterLink {

    private final VirtualPrinter printer;
    private PipedOutputStream toPrinter;
    private final BlockingQueue<Integer> replies = new ArrayBlockingQueue<>(64);
    private Thread server;

    public InProcessPrinterLink(VirtualPrinter printer) {
        this.printer = printer;
    }

    @Override
    public synchronized void open() throws IOException {
        if (isOpen()) {
            return;
        }
        PipedInputStream printerIn = new PipedInputStream(64 * 1024);
        toPrinter = new PipedOutputStream(printerIn);
        replies.clear();
        server = new Thread(() -> {
            try {
                printer.serve(printerIn, new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        replies.offer(b & 0xFF);
                    }
                });
            } catch (IOException e) {
                // pipe closed: the line is down
            }
        }, "virtual-printer");
        server.setDaemon(true);
        server.start();
    }

    @Override
    public synchronized boolean isOpen() {
        return toPrinter != null;
    }

    @Override
    public void write(byte[] data) throws IOException {
        PipedOutputStream out;
        synchronized (this) {
            out = toPrinter;
        }
        if (out == null) {
            throw new IOException("line to the virtual printer is closed");
        }
        out.write(data);
        out.flush();
    }

    @Override
    public int[] statuses(int[] ns, Duration timeout) throws IOException {
        replies.clear();
        byte[] ask = new byte[ns.length * 3];
        for (int i = 0; i < ns.length; i++) {
            ask[i * 3] = EscPos.DLE;
            ask[i * 3 + 1] = EscPos.EOT;
            ask[i * 3 + 2] = (byte) ns[i];
        }
        write(ask);
        long deadline = System.nanoTime() + timeout.toNanos();
        int[] out = new int[ns.length];
        int have = 0;
        try {
            while (have < ns.length) {
                Integer b = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (b == null) {
                    break;
                }
                out[have++] = b;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.Arrays.copyOf(out, have);
    }

    @Override
    public int baud() {
        return 0;
    }

    @Override
    public String describe() {
        return "virtual printer (in process)";
    }

    @Override
    public synchronized void close() {
        if (toPrinter != null) {
            try {
                toPrinter.close();
            } catch (IOException ignored) {
                // already closed
            }
            toPrinter = null;
        }
    }
}
