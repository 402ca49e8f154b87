package hk.post.ecert.devices.printer.escpos;

import java.io.IOException;
import java.time.Duration;

/**
 * The byte line to an ESC/POS printer: a serial port, or a pipe into the virtual printer. Status requests travel on
 * the same line as the receipt, in order, so a status asked after the last byte is answered only once the printer
 * has received that byte.
 */
public interface PrinterLink extends AutoCloseable {

    void open() throws IOException;

    boolean isOpen();

    /** Hands all bytes to the line; throws when the line is gone. */
    void write(byte[] data) throws IOException;

    /**
     * Several {@code DLE EOT n} requests sent together, answered in order: one round trip on the line instead of
     * one per request.
     *
     * @return the status bytes received within {@code timeout}, in request order (fewer when the printer fell silent)
     */
    int[] statuses(int[] ns, Duration timeout) throws IOException;

    /** Line speed in bits per second (for sizing timeouts); 0 when not a serial line. */
    int baud();

    String describe();

    @Override
    void close();
}
