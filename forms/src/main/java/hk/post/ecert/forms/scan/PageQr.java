package hk.post.ecert.forms.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import hk.post.ecert.forms.PageMark;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The QR code printed on every page of a rendered form. ZXing core has no image helpers (they are in
 * zxing:javase), so the module matrix is drawn here.
 */
public final class PageQr {

    private PageQr() {
    }

    /** The page mark's QR modules (with a 4-module quiet zone), for drawing as vectors on a rendered form. */
    public static BitMatrix matrix(PageMark mark) {
        try {
            return new QRCodeWriter().encode(mark.encode(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("page mark too long for a QR code", e);
        }
    }

    /** The page mark as a QR code with error correction M and a quiet zone, {@code modulePx} pixels a module. */
    public static BufferedImage render(PageMark mark, int modulePx) {
        try {
            BitMatrix m = new QRCodeWriter().encode(mark.encode(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            BufferedImage img = new BufferedImage(m.getWidth() * modulePx, m.getHeight() * modulePx, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / modulePx, y / modulePx) ? 0x000000 : 0xFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalStateException("page mark too long for a QR code", e);
        }
    }
}
