package hk.post.ecert.forms.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QrScannerTest {

    /** A receipt seal that once failed CI: the single-symbol detector picks a false finder pattern in its data. */
    private static final String SEAL = "ECR1:R1:AFIAGR2QJ4DUOUCPFVBTAMIOI5IE6LKDGAYS2MBQGAYDIMQAAAAAA2YOGEUAAAAAAAAAAEWAAAAAAAAAAAACUCFCF33CMNHSYVVSZAATUVDUXN5LVOV2XK5LVOV2XK5LVOV2XK5L3UZJDFM2LMI7R6U3NAYUKPI2C2UAFVPYMHKN3UYPUO5KZSP2GKBML2KP2VYQFUENFTNXN46R265UIVGXACZREPCQO44ZNLTMSI7XUDY";

    @Test
    void aSymbolWhoseDataLooksLikeAFinderPatternIsStillRead() throws Exception {
        BufferedImage picture = draw(SEAL);
        int[] argb = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        assertThrows(NotFoundException.class, () -> new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), argb))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)),
                "the single-symbol detector alone misses this symbol (the reason QrScanner exists)");
        assertEquals(Optional.of(SEAL), QrScanner.read(picture));
    }

    @Test
    void aPictureWithoutACodeReadsAsNothing() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        assertEquals(Optional.empty(), QrScanner.read(blank));
    }

    /** As the thermal printer draws it: error correction M, 6 dots a module, a 4-module quiet zone. */
    private static BufferedImage draw(String text) throws Exception {
        ByteMatrix m = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        int module = 6;
        int quiet = 4;
        int side = (m.getWidth() + 2 * quiet) * module;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row) == 1) {
                    g.fillRect((col + quiet) * module, (row + quiet) * module, module, module);
                }
            }
        }
        g.dispose();
        return img;
    }

    /**
     * A grey picture (as a scanner's grey PNG reads) is read where its bytes lie, also a corner cut from a page: the
     * brightness of each pixel is its byte, with no copy of the page through ARGB (issue 32).
     */
    @Test
    void aGreyPicturesCornerIsReadWhereItLies() {
        BufferedImage page = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                page.getRaster().setSample(x, y, 0, (x * 7 + y * 13) & 0xff);
            }
        }
        BufferedImage corner = page.getSubimage(120, 80, 100, 60);
        LuminanceSource source = QrScanner.luminance(corner);
        assertEquals(100, source.getWidth());
        assertEquals(60, source.getHeight());
        assertEquals(PlanarYUVLuminanceSource.class, source.getClass(), "the page's own bytes, not a copy");
        byte[] row = source.getRow(5, null);
        for (int x = 0; x < 100; x++) {
            assertEquals(page.getRaster().getSample(120 + x, 85, 0), row[x] & 0xff, "pixel " + x + " of row 5");
        }
        // a colour picture goes through ARGB as before
        assertEquals(RGBLuminanceSource.class, QrScanner.luminance(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)).getClass());
    }
}
