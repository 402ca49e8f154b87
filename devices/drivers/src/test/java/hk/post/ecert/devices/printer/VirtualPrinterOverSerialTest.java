package hk.post.ecert.devices.printer;

import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.serial.SerialPrinterLink;
import hk.post.ecert.devices.printer.simulated.SocatPair;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The printer contract over a real serial line: jSerialComm on one end of a socat pty pair, the virtual printer
 * reading the other end. Plus what only a cable can do: be pulled out mid-receipt.
 */
class VirtualPrinterOverSerialTest extends ReceiptPrinterContract {

    @TempDir
    Path dir;

    private SocatPair line;
    private Thread peer;

    @BeforeAll
    static void socatInstalled() {
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(SocatPair.installed(), "socat is required under bin/test");
        }
        assumeTrue(SocatPair.installed(), "socat is not installed (bin/test installs it)");
    }

    @Override
    protected EscPosReceiptPrinter connect(VirtualPrinter virtual) throws Exception {
        line = new SocatPair(dir);
        servePeer(virtual);
        return new EscPosReceiptPrinter(profile, new SerialPrinterLink(SerialPrinterLink.Settings.of(line.driverEnd.toString(), 115200)));
    }

    private void servePeer(VirtualPrinter virtual) {
        peer = line.serve(virtual);
    }

    @Override
    protected void disconnect() throws Exception {
        line.close();
    }

    @Test
    void theCablePulledMidReceiptIsUnknownAndTheLineIsReopenedWhenItComesBack() throws Exception {
        printer.close();
        printer = new EscPosReceiptPrinter(profile, new SerialPrinterLink(SerialPrinterLink.Settings.of(line.driverEnd.toString(), 9600)));
        printer.open();
        virtual.pace(9600);   // ~2.4 s for this receipt, like a real 9600 bd line
        ReceiptDocument big = paymentReceiptOfLines("R-200", 60);
        Thread puller = new Thread(() -> {
            try {
                Thread.sleep(400);
                line.kill();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        puller.start();
        PrintOutcome outcome = printer.print(big);
        puller.join();
        assertEquals(PrintOutcome.State.UNKNOWN, outcome.state(), outcome.toString());
        assertTrue(outcome.fault().isPresent());
        assertEquals(Optional.of(PrinterFault.DISCONNECTED), printer.status().fault(), "no line, no printer");

        // The cable is plugged back in (a new pty behind the same symlink): the driver finds the line again.
        virtual = new VirtualPrinter(profile);
        line = new SocatPair(dir);
        servePeer(virtual);
        PrintOutcome again = printer.print(paymentReceipt("R-201"));
        assertEquals(PrintOutcome.State.PRINTED, again.state(), again.toString());
        assertTrue(virtual.awaitReceipts(1, 5, TimeUnit.SECONDS));
    }

    @Test
    void aCablePulledBetweenReceiptsIsDisconnectedAndThePrinterPrintsAgainOnceItIsBack() throws Exception {
        assertEquals(PrintOutcome.State.PRINTED, printer.print(paymentReceipt("R-210")).state());
        line.kill();   // pulled while idle: the driver still holds the port it opened
        assertEquals(Optional.of(PrinterFault.DISCONNECTED), printer.status().fault(), "no line, no printer");
        PrintOutcome whileOut = printer.print(paymentReceipt("R-211"));
        assertEquals(PrintOutcome.State.NOT_PRINTED, whileOut.state(), whileOut.toString());

        // plugged back in (a new pty behind the same link): the next look and the next receipt find the line again
        VirtualPrinter back = new VirtualPrinter(profile);
        line = new SocatPair(dir);
        peer = line.serve(back);
        assertEquals(Optional.empty(), printer.status().fault(), "the printer is back");
        PrintOutcome again = printer.print(paymentReceipt("R-212"));
        assertEquals(PrintOutcome.State.PRINTED, again.state(), again.toString());
        assertTrue(back.awaitReceipts(1, 5, TimeUnit.SECONDS));
    }

    @Test
    void aSpeedTheLineDidNotTakeIsRefusedBeforeAnyByteIsSent() {
        // jSerialComm accepts 12345 bd on a pty and reports it back; the line itself keeps its old speed.
        printer.close();   // one open per port and JVM
        EscPosReceiptPrinter odd = new EscPosReceiptPrinter(profile,
                new SerialPrinterLink(SerialPrinterLink.Settings.of(line.driverEnd.toString(), 12345)));
        PrinterException e = org.junit.jupiter.api.Assertions.assertThrows(PrinterException.class, odd::open);
        assertEquals(PrinterFault.LINE_SETTINGS, e.fault());
        assertEquals(Optional.of(PrinterFault.LINE_SETTINGS), odd.print(paymentReceipt("R-203")).fault());
        assertEquals(0, virtual.receipts().size());
    }

    @Test
    void aPortThatDoesNotExistIsDisconnectedNotACrash() {
        EscPosReceiptPrinter nowhere = new EscPosReceiptPrinter(profile,
                new SerialPrinterLink(SerialPrinterLink.Settings.of(dir.resolve("no-such-tty").toString(), 9600)));
        PrinterException e = org.junit.jupiter.api.Assertions.assertThrows(PrinterException.class, nowhere::open);
        assertEquals(PrinterFault.DISCONNECTED, e.fault());
        assertEquals(PrintOutcome.State.NOT_PRINTED, nowhere.print(paymentReceipt("R-202")).state());
    }

    static ReceiptDocument paymentReceiptOfLines(String id, int items) {
        ReceiptDocument.Builder b = ReceiptDocument.builder(id).title("RECEIPT 收據");
        for (int i = 0; i < items; i++) {
            b.columns("Item " + i + " 項目", "HK$" + i + ".00");
        }
        return b.cut().build();
    }
}
