package hk.post.ecert.forms.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the QR code in a picture as a scanning app does. The single-symbol detector takes the three likeliest finder
 * patterns; for some symbols a run of data modules looks like a finder pattern and it picks the wrong three (about one
 * symbol in seventy of the receipts' size, measured), so a picture it cannot read goes to the multi-symbol reader,
 * which tries every plausible triple.
 */
public final class QrScanner {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private QrScanner() {
    }

    /** The text of a QR code in {@code picture}; empty when none can be read. */
    public static Optional<String> read(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
        RGBLuminanceSource source = new RGBLuminanceSource(w, h, argb);
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS).getText());
        } catch (ReaderException single) {
            try {
                Result[] all = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), HINTS);
                return all.length == 0 ? Optional.empty() : Optional.of(all[0].getText());
            } catch (ReaderException multi) {
                return Optional.empty();
            }
        }
    }
}
