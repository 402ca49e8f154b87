package hk.post.ecert.devices.printer;

import hk.post.ecert.devices.printer.escpos.EscPosEncoder;
import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One contract for the receipt printer, run against every line a printer can sit on: the virtual printer in
 * process, and the virtual printer on the far end of a real serial line (a socat pty pair).
 */
abstract class ReceiptPrinterContract {

    protected final PrinterProfile profile = PrinterProfile.byId("hk-big5-80");
    protected VirtualPrinter virtual;
    protected EscPosReceiptPrinter printer;

    /** Connects {@link #virtual} to a fresh {@link #printer} over this backend's line. */
    protected abstract EscPosReceiptPrinter connect(VirtualPrinter virtual) throws Exception;

    protected void disconnect() throws Exception {
    }

    @BeforeEach
    void connectPrinter() throws Exception {
        virtual = new VirtualPrinter(profile);
        printer = connect(virtual);
        printer.open();
    }

    @AfterEach
    void disconnectPrinter() throws Exception {
        printer.close();
        disconnect();
    }

    static ReceiptDocument paymentReceipt(String id) {
        return ReceiptDocument.builder(id)
                .centered("Hongkong Post 香港郵政")
                .title("RECEIPT 收據")
                .columns("Office 郵政局", "GPO")
                .columns("e-Cert (Personal) renewal 電子證書續期", "HK$48.00")
                .rule()
                .columns("Total 總額", "HK$48.00")
                .columns("HKID 身份證", "A123***(7)")
                .qr(id)
                .drawerKick()
                .cut()
                .build();
    }

    @Test
    void aBilingualReceiptArrivesByteExactAndDecodesToItsText() throws Exception {
        ReceiptDocument doc = paymentReceipt("R-100");
        PrintOutcome outcome = printer.print(doc);
        assertEquals(PrintOutcome.State.PRINTED, outcome.state(), outcome.toString());
        assertTrue(virtual.awaitReceipts(1, 5, TimeUnit.SECONDS));
        PrintedReceipt r = virtual.receipts().get(0);
        assertArrayEquals(new EscPosEncoder(profile).encode(doc), r.raw(), "the printer received exactly the encoded bytes");
        assertEquals(List.of(
                "Hongkong Post 香港郵政",
                "RECEIPT 收據",
                "Office 郵政局                                GPO",
                "e-Cert (Personal) renewal 電子證書續期  HK$48.00",
                "-".repeat(48),
                "Total 總額                              HK$48.00",
                "HKID 身份證                           A123***(7)",
                "[QR R-100]"), r.text().lines().toList());
        assertTrue(r.drawerKicked(), "a cash receipt opens the drawer");
        assertTrue(r.png().length > 1000, "and a picture of the receipt");
    }

    @Test
    void paperOutRefusesBeforeSendingAnyByte() {
        virtual.setCondition(VirtualPrinter.Condition.PAPER_OUT);
        PrintOutcome outcome = printer.print(paymentReceipt("R-101"));
        assertEquals(PrintOutcome.State.NOT_PRINTED, outcome.state());
        assertEquals(Optional.of(PrinterFault.PAPER_OUT), outcome.fault());
        assertEquals(0, outcome.bytes());
        assertEquals(Optional.of(PrinterFault.PAPER_OUT), printer.status().fault());
    }

    @Test
    void coverOpenRefusesBeforeSendingAnyByte() {
        virtual.setCondition(VirtualPrinter.Condition.COVER_OPEN);
        PrintOutcome outcome = printer.print(paymentReceipt("R-102"));
        assertEquals(PrintOutcome.State.NOT_PRINTED, outcome.state());
        assertEquals(Optional.of(PrinterFault.COVER_OPEN), outcome.fault());
    }

    @Test
    void aSilentPrinterIsNoAnswerNotOk() {
        virtual.setCondition(VirtualPrinter.Condition.SILENT);
        PrintOutcome outcome = printer.print(paymentReceipt("R-103"));
        assertEquals(PrintOutcome.State.NOT_PRINTED, outcome.state());
        assertEquals(Optional.of(PrinterFault.NO_ANSWER), outcome.fault());
        assertEquals(Optional.of(PrinterFault.NO_ANSWER), printer.status().fault());
    }

    @Test
    void paperNearEndStillPrintsAndSaysSo() throws Exception {
        virtual.setCondition(VirtualPrinter.Condition.PAPER_NEAR_END);
        PrintOutcome outcome = printer.print(paymentReceipt("R-104"));
        assertEquals(PrintOutcome.State.PRINTED, outcome.state());
        assertTrue(outcome.paperNearEnd());
        assertTrue(printer.status().paperNearEnd());
        assertTrue(virtual.awaitReceipts(1, 5, TimeUnit.SECONDS));
    }

    @Test
    void aFaultAfterTheLastByteIsUnknownNeverPrinted() throws Exception {
        virtual.becomeAfterNextCut(VirtualPrinter.Condition.PAPER_OUT);
        PrintOutcome outcome = printer.print(paymentReceipt("R-105"));
        assertEquals(PrintOutcome.State.UNKNOWN, outcome.state(), "completion not confirmed: the receipt may be partial");
        assertEquals(Optional.of(PrinterFault.PAPER_OUT), outcome.fault());
        assertTrue(outcome.bytes() > 0);
    }

    /**
     * The terminal looks at its printer every few seconds from its health thread while receipts print on its jobs
     * thread. A look must not take a print's status answer (nor a print the look's): found by the network load of
     * {@code bin/bench scale}, where receipts that printed were reported UNKNOWN (NO_ANSWER).
     */
    @Test
    void aStatusLookDuringAPrintTakesNeitherOnesAnswer() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean printing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<String> lookFaults = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread health = new Thread(() -> {
            while (printing.get()) {
                printer.status().fault().ifPresent(f -> lookFaults.add(f.name()));
            }
        }, "health-look");
        health.start();
        int receipts = 12;
        try {
            for (int i = 0; i < receipts; i++) {
                PrintOutcome outcome = printer.print(paymentReceipt("R-3" + i));
                assertEquals(PrintOutcome.State.PRINTED, outcome.state(), "receipt " + i + ": " + outcome);
            }
        } finally {
            printing.set(false);
            health.join(10_000);
        }
        assertEquals(List.of(), lookFaults, "a look at a ready printer sees it ready");
        assertTrue(virtual.awaitReceipts(receipts, 10, TimeUnit.SECONDS));
        assertEquals(receipts, virtual.receipts().size());
    }
}
