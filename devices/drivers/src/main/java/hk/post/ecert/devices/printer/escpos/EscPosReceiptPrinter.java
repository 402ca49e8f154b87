package hk.post.ecert.devices.printer.escpos;

import hk.post.ecert.devices.printer.serial.SerialPrinterLink;
import hk.post.ecert.devices.printer.PrintOutcome;
import hk.post.ecert.devices.printer.PrinterException;
import hk.post.ecert.devices.printer.PrinterFault;
import hk.post.ecert.devices.printer.PrinterStatus;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.ReceiptPrinter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A receipt printer that speaks ESC/POS over a {@link PrinterLink}. It never assumes: it asks the printer's
 * real-time status before a receipt (and refuses to send when it cannot print) and after the last byte (and reports
 * UNKNOWN when the printer does not confirm).
 */
public class EscPosReceiptPrinter implements ReceiptPrinter {

    static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);

    private final PrinterProfile profile;
    private final PrinterLink link;
    private final EscPosEncoder encoder;

    public EscPosReceiptPrinter(PrinterProfile profile, PrinterLink link) {
        this.profile = profile;
        this.link = link;
        this.encoder = new EscPosEncoder(profile);
    }

    // One conversation on the line at a time: a status look (the terminal's health thread, every few seconds) and a
    // print (its jobs thread) each ask DLE EOT and read the answer bytes, and on one line the answers cannot tell whose
    // question they answer. Interleaved, a look took a print's answer and a receipt that printed was reported UNKNOWN
    // (NO_ANSWER). So open, look, print and close hold the printer; a look during a print waits for the print.

    @Override
    public synchronized void open() throws PrinterException {
        try {
            link.open();
        } catch (SerialPrinterLink.LineSettingsException e) {
            throw new PrinterException(PrinterFault.LINE_SETTINGS, e.getMessage(), e);
        } catch (IOException e) {
            throw new PrinterException(PrinterFault.DISCONNECTED, "cannot open " + link.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String model() {
        return profile.id();
    }

    public PrinterProfile profile() {
        return profile;
    }

    @Override
    public synchronized PrinterStatus status() {
        try {
            ensureOpen();
            return query(STATUS_TIMEOUT);
        } catch (IOException e) {
            // The line went away under an open port (a pulled cable): let go of it, so that the next look opens the
            // line afresh when it is back, instead of asking a dead port for ever.
            link.close();
            return PrinterStatus.of(PrinterFault.DISCONNECTED);
        }
    }

    @Override
    public synchronized PrintOutcome print(ReceiptDocument receipt) {
        byte[] bytes = encoder.encode(receipt);
        PrinterStatus before;
        try {
            ensureOpen();
            before = query(STATUS_TIMEOUT);
        } catch (SerialPrinterLink.LineSettingsException e) {
            return PrintOutcome.notPrinted(PrinterFault.LINE_SETTINGS);
        } catch (IOException e) {
            link.close();   // nothing was sent; the next print opens the line afresh
            return PrintOutcome.notPrinted(PrinterFault.DISCONNECTED);
        }
        if (!before.canPrint()) {
            return PrintOutcome.notPrinted(before.fault().orElseThrow());
        }
        try {
            link.write(bytes);
        } catch (IOException e) {
            // Some bytes may have reached the printer: the customer may hold half a receipt.
            link.close();
            return PrintOutcome.unknown(PrinterFault.DISCONNECTED, bytes.length);
        }
        PrinterStatus after;
        try {
            // The status request queues behind the receipt on the line: allow for the time the line needs.
            after = query(STATUS_TIMEOUT.plus(lineTime(bytes.length)));
        } catch (IOException e) {
            link.close();
            return PrintOutcome.unknown(PrinterFault.DISCONNECTED, bytes.length);
        }
        if (!after.canPrint()) {
            return PrintOutcome.unknown(after.fault().orElseThrow(), bytes.length);
        }
        return PrintOutcome.printed(bytes.length, after.paperNearEnd());
    }

    /** The encoded bytes of a receipt, as they would go on the line. */
    public byte[] encode(ReceiptDocument receipt) {
        return encoder.encode(receipt);
    }

    private Duration lineTime(int bytes) {
        return link.baud() <= 0 ? Duration.ZERO : Duration.ofMillis(bytes * 10_000L / link.baud() + 1);
    }

    private void ensureOpen() throws IOException {
        if (!link.isOpen()) {
            link.open();
        }
    }

    /**
     * DLE EOT 1 (printer), 4 (roll paper) and 2 (offline cause), asked together in one round trip: the printer's own
     * account of itself.
     */
    private PrinterStatus query(Duration timeout) throws IOException {
        if (!profile.statusCommands()) {
            return PrinterStatus.READY;
        }
        int[] s = link.statuses(new int[]{EscPos.STATUS_PRINTER, EscPos.STATUS_ROLL_PAPER, EscPos.STATUS_OFFLINE_CAUSE}, timeout);
        if (s.length < 3 || !EscPos.isStatusByte(s[0]) || !EscPos.isStatusByte(s[1]) || !EscPos.isStatusByte(s[2])) {
            return PrinterStatus.of(PrinterFault.NO_ANSWER);
        }
        int printer = s[0], roll = s[1], cause = s[2];
        if ((roll & EscPos.PAPER_END_BITS) != 0) {
            return PrinterStatus.of(PrinterFault.PAPER_OUT);
        }
        if ((printer & EscPos.OFFLINE_BIT) != 0) {
            if ((cause & EscPos.COVER_OPEN_BIT) != 0) {
                return PrinterStatus.of(PrinterFault.COVER_OPEN);
            }
            if ((cause & EscPos.PAPER_END_STOP_BIT) != 0) {
                return PrinterStatus.of(PrinterFault.PAPER_OUT);
            }
            return PrinterStatus.of(PrinterFault.OFFLINE);
        }
        return new PrinterStatus(Optional.empty(), (roll & EscPos.NEAR_END_BITS) != 0);
    }

    @Override
    public synchronized void close() {
        link.close();
    }
}
