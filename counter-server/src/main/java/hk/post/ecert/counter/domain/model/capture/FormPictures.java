package hk.post.ecert.counter.domain.model.capture;

import hk.post.ecert.forms.archive.ScannedPage;
import hk.post.ecert.forms.PageMark;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pictures of capture: a case's pre-filled forms as PDF and as printed pages, a received page read back (its size
 * and the QR mark that says which form page it is), thumbnails, and a stored page as the archive takes it.
 */
public interface FormPictures {

    /** The pre-filled form under this number, as PDF. */
    byte[] form(String caseRef, String typeCode, String variantCode, String formNumber, Map<String, String> values);

    /** The form's pages, from its layout (nothing rendered). */
    int pageCount(String typeCode, String variantCode, String formNumber);

    /** The case's forms as they come back from the printer: one 300 dpi grey PNG (base64) per page. */
    List<Object> printedPages(CaptureCase k);

    /** A received page's size and mark; empty when it is not a picture, no mark when it is larger than {@code maxPixels}. */
    Optional<ReadPage> read(byte[] png, long maxPixels);

    /**
     * What a received page is: its size, when it carries one the mark of the form page it is, and its thumbnail (as
     * {@link #thumbnail}), made once from the picture already read, so that a screen showing the case's pages never
     * reads a full page again (issue 32: each render of the capture screen decoded and scaled every 300 dpi page).
     */
    record ReadPage(int width, int height, Optional<PageMark> mark, String thumbnail) {
    }

    /** A 120-pixel-wide thumbnail as a data URL; empty when the picture cannot be read. */
    String thumbnail(byte[] png);

    /** A stored page as the archive assembler takes it. */
    ScannedPage scannedPage(CaptureRecords.Picture p);
}
