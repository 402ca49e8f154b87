package hk.post.ecert.devices.printer;

/**
 * The counter's receipt printer. Implementations: ESC/POS over a serial line, and the virtual printer.
 *
 * <p>Life cycle after UnifiedPOS: {@link #open()} claims the device, {@link #close()} releases it.
 * {@link #print} asks the printer for its status before and after the receipt and reports what it learnt;
 * it never retries on its own.
 */
public interface ReceiptPrinter extends AutoCloseable {

    void open() throws PrinterException;

    PrinterStatus status();

    /**
     * Prints one receipt.
     *
     * @return {@link PrintOutcome#printed()} only when the printer confirmed, after the last byte, that it is still
     *         ready; otherwise the fault and whether the receipt may have come out partly ({@code unknown}).
     */
    PrintOutcome print(ReceiptDocument receipt);

    String model();

    @Override
    void close();
}
