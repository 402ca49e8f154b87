package hk.post.ecert.bench;

import hk.post.ecert.devices.printer.PrintOutcome;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.serial.SerialPrinterLink;
import hk.post.ecert.devices.printer.simulated.SocatPair;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/bench receipt}: a ~2 KB bilingual payment receipt through the real driver (jSerialComm, DLE EOT before
 * and after) over a socat pty pair whose far end is the virtual printer reading at the line's pace. Reports the
 * time from the start of printing until the printer has received the last byte and confirmed (status round trips
 * included), divided by the time the receipt's bytes need on an 8N1 line (bytes × 10 ÷ baud).
 */
public final class ReceiptLineSpeed {

    private static final int RUNS = 5;

    private ReceiptLineSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : Files.createTempDirectory("bench-receipt").toString());
        PrinterProfile profile = PrinterProfile.byId("hk-big5-80");
        StringBuilder result = new StringBuilder("RESULT receipt");
        for (int baud : new int[]{9600, 115200}) {
            double[] ratios = new double[RUNS];
            int bytes = 0;
            for (int run = 0; run < RUNS; run++) {
                Measure m = once(dir, profile, baud, run);
                ratios[run] = m.ratio();
                bytes = m.bytes();
                System.out.printf("run %d @ %d bd: %d bytes, %.1f ms (line %.1f ms), ratio %.3f%n", run, baud, m.bytes(),
                        m.elapsedMs(), m.lineMs(), m.ratio());
            }
            Arrays.sort(ratios);
            double median = ratios[RUNS / 2];
            result.append(String.format(" line_ratio_%d=%.3f", baud, median));
            System.out.printf("RESULT receipt bytes=%d baud=%d median_ratio=%.3f%n", bytes, baud, median);
        }
        System.out.println(result);
    }

    record Measure(int bytes, double elapsedMs, double lineMs) {
        double ratio() {
            return elapsedMs / lineMs;
        }
    }

    private static Measure once(Path dir, PrinterProfile profile, int baud, int run) throws Exception {
        try (SocatPair line = new SocatPair(dir)) {
            VirtualPrinter virtual = new VirtualPrinter(profile);
            virtual.pace(baud);
            line.serve(virtual);
            try (EscPosReceiptPrinter printer = new EscPosReceiptPrinter(profile,
                    new SerialPrinterLink(SerialPrinterLink.Settings.of(line.driverEnd.toString(), baud)))) {
                printer.open();
                ReceiptDocument receipt = paymentReceipt("BENCH-" + baud + "-" + run);
                int bytes = printer.encode(receipt).length;
                long t0 = System.nanoTime();
                PrintOutcome outcome = printer.print(receipt);
                long t1 = System.nanoTime();
                if (outcome.state() != PrintOutcome.State.PRINTED || !virtual.awaitReceipts(1, 10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("receipt not printed: " + outcome);
                }
                long end = Math.max(t1, virtual.lastByteNanos());
                return new Measure(bytes, (end - t0) / 1e6, bytes * 10_000.0 / baud);
            }
        }
    }

    /** About 2 KB once encoded: a payment receipt for several e-Cert renewals, English and Chinese. */
    static ReceiptDocument paymentReceipt(String id) {
        ReceiptDocument.Builder r = ReceiptDocument.builder(id)
                .centered("Hongkong Post 香港郵政").title("RECEIPT 收據")
                .columns("Office 郵政局", "General Post Office 郵政總局")
                .columns("Counter 櫃位", "C01").columns("Clerk 職員", "clerk1")
                .columns("Date 日期", "2026-11-25 10:30").columns("Transaction 交易編號", id).rule();
        List<String[]> items = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            items.add(new String[]{"e-Cert (Personal) renewal " + i + " 電子證書續期", "HK$48.00"});
        }
        items.forEach(it -> r.columns(it[0], it[1]));
        return r.rule().columns("Total 總額", "HK$576.00").columns("Cash 現金", "HK$600.00").columns("Change 找續", "HK$24.00")
                .columns("HKID 身份證", "A123***(7)").qr(id).drawerKick().cut().build();
    }
}
