package hk.post.ecert.forms.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
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
        LuminanceSource source = luminance(picture);
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

    /**
     * The picture's brightness, pixel by pixel. A grey picture (as a scanner's grey PNG reads) already is that: its
     * bytes are read where they lie, also for a corner cut from a page, with no copy through ARGB — on a 300 dpi page that
     * copy was 35 MB and most of the time of a page read at once.
     */
    static LuminanceSource luminance(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        if (picture.getType() == BufferedImage.TYPE_BYTE_GRAY
                && picture.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && picture.getRaster().getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == 1 && bytes.getNumBanks() == 1 && bytes.getOffset() == 0) {
            int stride = model.getScanlineStride();
            byte[] data = bytes.getData();
            int left = -picture.getRaster().getSampleModelTranslateX();
            int top = -picture.getRaster().getSampleModelTranslateY();
            if (stride > 0 && left >= 0 && top >= 0 && left + w <= stride && (long) (top + h) * stride <= data.length) {
                return new PlanarYUVLuminanceSource(data, stride, data.length / stride, left, top, w, h, false);
            }
        }
        return new RGBLuminanceSource(w, h, picture.getRGB(0, 0, w, h, null, 0, w));
    }
}
