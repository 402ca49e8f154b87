package hk.post.ecert.counter.it;

import hk.post.ecert.devices.printer.escpos.PrinterLink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/** Keeps a copy of every receipt byte the driver hands to the line, to compare with what the printer received. */
final class RecordingLink implements PrinterLink {

    private final PrinterLink line;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    RecordingLink(PrinterLink line) {
        this.line = line;
    }

    synchronized byte[] written() {
        return written.toByteArray();
    }

    @Override
    public void open() throws IOException {
        line.open();
    }

    @Override
    public boolean isOpen() {
        return line.isOpen();
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        written.write(data);
        line.write(data);
    }

    @Override
    public int[] statuses(int[] ns, Duration timeout) throws IOException {
        return line.statuses(ns, timeout);
    }

    @Override
    public int baud() {
        return line.baud();
    }

    @Override
    public String describe() {
        return line.describe();
    }

    @Override
    public void close() {
        line.close();
    }
}
