package hk.post.ecert.devices.printer;

import hk.post.ecert.devices.printer.escpos.EscPosEncoder;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins the ESC/POS bytes the encoder sends. A change here changes what every counter printer receives. */
class EscPosGoldenBytesTest {

    private static final PrinterProfile BIG5 = PrinterProfile.byId("hk-big5-80");
    private static final PrinterProfile EPSON = PrinterProfile.byId("epson-tm-t88");

    private static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }

    @Test
    void bilingualLineQrDrawerAndCutOnTheBig5Printer() {
        ReceiptDocument doc = ReceiptDocument.builder("G-1").text("Fee 費用").qr("G-1").drawerKick().cut().build();
        String expected = String.join(" ",
                "1b 40", "1b 74 00",                                   // ESC @, ESC t 0
                "1b 61 00", "1b 45 00", "1d 21 00",                    // left, not bold, normal size
                "46 65 65 20", "1c 26", "b6 4f a5 ce", "1c 2e", "0a",  // "Fee " FS & 費用 (Big5) FS . LF
                "1b 45 00", "1d 21 00", "1b 61 00",
                "1b 61 01",                                            // QR centred
                "1d 28 6b 04 00 31 41 32 00",                          // model 2 (n1 = 50)
                "1d 28 6b 03 00 31 43 06",                             // module 6 dots
                "1d 28 6b 03 00 31 45 31",                             // ECC M
                "1d 28 6b 06 00 31 50 30 47 2d 31",                    // store "G-1" (3 bytes + 3)
                "1d 28 6b 03 00 31 51 30", "0a", "1b 61 00",           // print
                "1b 70 00 19 fa",                                      // ESC p: drawer pin 2
                "1d 56 42 03");                                        // GS V 66 3: feed and cut
        assertEquals(expected, hex(new EscPosEncoder(BIG5).encode(doc)));
    }

    @Test
    void aCopyIsMarkedAtTopAndBottomAndNeverOpensTheDrawer() {
        ReceiptDocument doc = ReceiptDocument.builder("G-2").text("A").drawerKick().cut().build().asCopy();
        byte[] bytes = new EscPosEncoder(BIG5).encode(doc);
        String h = hex(bytes);
        String copyLine = "1b 61 01 1b 45 01 1d 21 00 2a 2a 2a 20 43 4f 50 59 20 1c 26 b0 c6 a5 bb 1c 2e 20 2a 2a 2a 0a";
        assertTrue(h.startsWith("1b 40 1b 74 00 " + copyLine), h);
        assertTrue(h.endsWith(copyLine + " 1b 45 00 1d 21 00 1b 61 00 1d 56 42 03"), h);
        assertFalse(h.contains("1b 70 00 19 fa"), "a reprint must not open the cash drawer");
    }

    @Test
    void controlCharactersInFreeTextReachThePaperAsQuestionMarksNeverAsCommands() {
        // issue 31, finding 5: a void reason carrying ESC p (drawer), ESC E (bold) and GS V (cut), in both printers
        String reason = "typo\u001bp\u0000\u0019\u00fa\u001bE\u0001TOTAL REFUNDED HK$9999.00\u001dV\u0042\u0003\u009b\u007f 退款\u001b";
        for (PrinterProfile profile : new PrinterProfile[]{BIG5, EPSON}) {
            ReceiptDocument doc = ReceiptDocument.builder("G-9").text("Reason: " + reason).columns("Bank " + reason, "HK$1.00").build();
            String h = hex(new EscPosEncoder(profile).encode(doc));
            assertFalse(h.contains("1b 70"), "no drawer kick from text");
            assertFalse(h.contains("1b 45 01"), "no bold from text");
            assertFalse(h.contains("1d 56"), "no cut from text");
            assertTrue(h.contains("74 79 70 6f 3f 70 3f 3f") && h.contains("3f 45 3f 54 4f 54 41 4c"), "each control shows as a question mark");
        }
    }

    @Test
    void columnsPutTheAmountFlushRightCountingChineseAsTwoColumns() {
        ReceiptDocument doc = ReceiptDocument.builder("G-3").columns("Fee 費用", "HK$48.00").build();
        byte[] bytes = new EscPosEncoder(BIG5).encode(doc);
        // 48 columns: "Fee " (4) + 費用 (4) + 32 spaces + "HK$48.00" (8)
        String h = hex(bytes);
        assertTrue(h.contains("1c 2e " + "20 ".repeat(32) + "48 4b 24 34 38 2e 30 30 0a"), h);
    }

    @Test
    void boldDoubleSizeCentredTitleAndCode128() {
        ReceiptDocument doc = ReceiptDocument.builder("G-4").title("RECEIPT").barcode("R42").build();
        String h = hex(new EscPosEncoder(EPSON).encode(doc));
        assertEquals(String.join(" ", "1b 40", "1b 74 10",
                "1b 61 01", "1b 45 01", "1d 21 11", "52 45 43 45 49 50 54", "0a", "1b 45 00", "1d 21 00", "1b 61 00",
                "1b 61 01", "1d 48 02", "1d 68 50", "1d 77 02", "1d 6b 49 05 7b 42 52 34 32", "0a", "1b 61 00"), h);
    }

    @Test
    void chineseOnAPrinterWithoutAChineseFontGoesAsARasterImage() {
        ReceiptDocument doc = ReceiptDocument.builder("G-5").text("收據").build();
        byte[] bytes = new EscPosEncoder(EPSON).encode(doc);
        String h = hex(bytes);
        assertFalse(h.contains("1c 26"), "no FS & on a printer without Big5");
        int at = h.indexOf("1d 76 30 00");
        assertTrue(at > 0, h);
        // GS v 0 m xL xH yL yH: 512 dots = 64 bytes a row, 24 rows
        assertTrue(h.substring(at).startsWith("1d 76 30 00 40 00 18 00"), h.substring(at, at + 40));
        ByteArrayOutputStream raster = new ByteArrayOutputStream();
        int start = at / 3 + 8;
        raster.write(bytes, start, 64 * 24);
        byte[] r = raster.toByteArray();
        boolean anyInk = false;
        for (byte b : r) {
            assertTrue(b != 0x10, "no DLE inside raster data (a printer would read DLE EOT there)");
            anyInk |= b != 0;
        }
        assertTrue(anyInk, "the Chinese text was drawn");
    }

    @Test
    void longTextWrapsAtTheProfilesColumns() {
        String words = "This certificate is not renewed at post office counters. Please contact the body below.";
        ReceiptDocument doc = ReceiptDocument.builder("G-6").text(words).build();
        byte[] bytes = new EscPosEncoder(BIG5).encode(doc);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("This certificate is not renewed at post office\n"), text);
        assertTrue(text.contains("counters. Please contact the body below.\n"), text);
    }
}
