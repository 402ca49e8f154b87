package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.devices.printer.PrintOutcome;
import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.serial.SerialPrinterLink;
import hk.post.ecert.devices.printer.simulated.PrintedLine;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.simulated.SocatPair;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import hk.post.ecert.journal.receipt.ReceiptKeyring;
import hk.post.ecert.journal.receipt.ReceiptSeal;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import hk.post.ecert.journal.receipt.VerifyReceipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 18: a payment receipt printed over a real serial line (a socat pty pair, jSerialComm, the virtual printer) is
 * decoded from its ESC/POS bytes; its QR is read back both from the bytes and by scanning the printed picture, and
 * verifies as genuine with only the published keys.
 */
class SealedReceiptOverSerialTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void socat() {
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(SocatPair.installed(), "socat is required under bin/test");
        }
        assumeTrue(SocatPair.installed(), "socat is not installed (bin/test installs it)");
    }

    @Test
    void aPrintedReceiptsQrScansFromItsPictureAndVerifiesGenuine() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ZonedDateTime at = ZonedDateTime.of(2026, 12, 1, 10, 30, 0, 0, ZoneId.of("Asia/Hong_Kong"));
        ReceiptStatement statement = new ReceiptStatement(ReceiptStatement.Kind.PAYMENT, "GPO", "GPO-C01", "GPO-C01-000042",
                at.toInstant(), 4800, ReceiptStatement.linesDigest(List.of("PERSONAL_EXTENSION_PER_YEAR|1|4800")), 42,
                ReceiptStatement.entryHash("ab".repeat(32)));
        String seal = ReceiptSeal.seal(statement, "R1", key.getPrivate());
        var doc = PaymentReceipt.compose(new PaymentReceipt.Data("PR-42", new Bilingual("General Post Office", "郵政總局"), "C01", "clerk1",
                at, "GPO-C01-000042", List.of(new PaymentReceipt.Item(new Bilingual("Subscription extension", "延長登記期"), Money.ofCents(4800))),
                List.of(new PaymentReceipt.Tender(new Bilingual("Cash", "現金"), Money.ofCents(5000), Optional.empty(), true)),
                Money.ofCents(200), Optional.empty(), seal), ReceiptLanguage.EN);

        PrinterProfile profile = PrinterProfile.byId("hk-big5-80");
        VirtualPrinter virtual = new VirtualPrinter(profile);
        PrintedReceipt printed;
        try (SocatPair line = new SocatPair(dir)) {
            line.serve(virtual);
            EscPosReceiptPrinter printer = new EscPosReceiptPrinter(profile,
                    new SerialPrinterLink(SerialPrinterLink.Settings.of(line.driverEnd.toString(), 115200)));
            printer.open();
            try {
                PrintOutcome outcome = printer.print(doc);
                assertEquals(PrintOutcome.State.PRINTED, outcome.state(), outcome.toString());
                assertTrue(virtual.awaitReceipts(1, 20, TimeUnit.SECONDS));
                printed = virtual.receipts().get(0);
            } finally {
                printer.close();
            }
        }
        String fromBytes = printed.lines().stream().filter(l -> l.kind() == PrintedLine.Kind.QR).map(PrintedLine::text).findFirst().orElseThrow();
        assertEquals(seal, fromBytes, "the QR as the ESC/POS bytes carried it");

        java.awt.image.BufferedImage picture = printed.image();
        String scanned = hk.post.ecert.forms.scan.QrScanner.read(picture).orElseThrow(() -> new AssertionError("no QR read from the printed picture"));
        assertEquals(seal, scanned, "the QR scanned from the picture of the printed receipt");

        ReceiptKeyring published = ReceiptKeyring.parse(new ReceiptKeyring(List.of(new ReceiptKeyring.Key("R1", key.getPublic(), false))).format());
        ReceiptSeal.Verdict v = ReceiptSeal.verify(scanned, published);
        assertEquals(ReceiptSeal.Outcome.GENUINE, v.outcome());
        assertEquals(statement, v.statement().orElseThrow());
        String said = VerifyReceipt.describe(v);
        assertTrue(said.startsWith("GENUINE") && said.contains("GPO-C01-000042") && said.contains("HK$48.00"), said);
    }
}
