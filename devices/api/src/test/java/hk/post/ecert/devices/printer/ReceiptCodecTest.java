package hk.post.ecert.devices.printer;

import hk.post.ecert.devices.wire.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptCodecTest {

    @Test
    void everyKindOfLineSurvivesTheWire() {
        ReceiptDocument doc = ReceiptDocument.builder("R-1")
                .title("RECEIPT 收據").centered("Hongkong Post").text("left").bold("bold")
                .line(new ReceiptLine.Text("right", ReceiptLine.Align.RIGHT, false, false))
                .columns("Fee 費用", "HK$48.00").rule().feed(2).qr("R-1").barcode("R1").drawerKick().cut().build();
        ReceiptDocument back = ReceiptCodec.fromMap(Json.readObject(Json.write(ReceiptCodec.toMap(doc))));
        assertEquals(doc, back);
        assertTrue(back.asCopy().copy());
        assertEquals(doc.lines(), back.asCopy().lines());
    }
}
