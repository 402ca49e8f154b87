package hk.post.ecert.devices.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

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
     * {@code DLE EOT n}: asks for a real-time status byte and waits up to {@code timeout} for it.
     *
     * @return the status byte, or empty when the printer did not answer in time
     */
    OptionalInt status(int n, Duration timeout) throws IOException;

    /** Line speed in bits per second (for sizing timeouts); 0 when not a serial line. */
    int baud();

    String describe();

    @Override
    void close();
}
