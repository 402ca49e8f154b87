package hk.post.ecert.devices.printer;

/** The printer could not be opened or claimed, with the typed reason. */
public class PrinterException extends Exception {

    private final PrinterFault fault;

    public PrinterException(PrinterFault fault, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
    }

    public PrinterFault fault() {
        return fault;
    }
}
