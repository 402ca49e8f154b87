package hk.post.ecert.devices.printer;

import java.util.Optional;

/**
 * The printer's real-time state, as the printer itself reported it.
 *
 * @param fault         why it cannot print now, if it cannot
 * @param paperNearEnd  the roll is nearly used up (still prints; the clerk should change it soon)
 */
public record PrinterStatus(Optional<PrinterFault> fault, boolean paperNearEnd) {

    public static final PrinterStatus READY = new PrinterStatus(Optional.empty(), false);

    public static PrinterStatus of(PrinterFault fault) {
        return new PrinterStatus(Optional.of(fault), false);
    }

    public boolean canPrint() {
        return fault.isEmpty();
    }
}
