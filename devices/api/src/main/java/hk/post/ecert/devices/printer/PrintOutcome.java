package hk.post.ecert.devices.printer;

import java.util.Optional;

/**
 * What happened to one receipt.
 *
 * @param state    PRINTED (confirmed by the printer after the last byte), NOT_PRINTED (refused before any byte
 *                 was sent), or UNKNOWN (bytes went out but completion was not confirmed: never re-print silently)
 * @param fault    the reason when not PRINTED
 * @param bytes    how many bytes were sent to the printer
 */
public record PrintOutcome(State state, Optional<PrinterFault> fault, boolean paperNearEnd, int bytes) {

    public enum State { PRINTED, NOT_PRINTED, UNKNOWN }

    public static PrintOutcome printed(int bytes, boolean paperNearEnd) {
        return new PrintOutcome(State.PRINTED, Optional.empty(), paperNearEnd, bytes);
    }

    public static PrintOutcome notPrinted(PrinterFault fault) {
        return new PrintOutcome(State.NOT_PRINTED, Optional.of(fault), false, 0);
    }

    public static PrintOutcome unknown(PrinterFault fault, int bytes) {
        return new PrintOutcome(State.UNKNOWN, Optional.of(fault), false, bytes);
    }
}
