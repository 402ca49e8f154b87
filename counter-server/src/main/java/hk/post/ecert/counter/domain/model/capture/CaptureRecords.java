package hk.post.ecert.counter.domain.model.capture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where capture cases, their scanned pages and their archived documents are kept. */
public interface CaptureRecords {

    void add(CaptureCase k, String openedBy, Instant at);

    Optional<CaptureCase> find(String caseRef);

    /** A page as received from a terminal: where it came from, the picture, and what it was identified as. */
    record ReceivedPage(String pageId, String caseRef, String jobId, int seq, int dpi, String mode, byte[] png,
                        String sha256, int width, int height, String form, Integer formPage, String label, Instant at,
                        String thumbnail) {
    }

    /** A stored page's picture as scanned. */
    record Picture(byte[] png, int dpi, String mode) {
    }

    boolean pageExists(String pageId);

    Optional<String> labelOf(String pageId);

    /** The page received, replacing (when given) an earlier scan of the same form page and the page re-scanned. */
    void addPage(ReceivedPage page, String replacesPageId);

    /**
     * The case's active pages in the order received, each with its stored thumbnail ({@code thumbnail} makes one from
     * the picture of a page stored without).
     */
    List<CaptureCase.Page> activePages(String caseRef, java.util.function.Function<byte[], String> thumbnail);

    /** Labels an unidentified active page; a blank label clears it. */
    void label(String caseRef, String pageId, String document);

    /** Active pages of one of the case's forms, in page order. */
    List<String> formPageIds(String caseRef, String formNumber);

    /** Active pages labelled as one supporting document, in the order received. */
    List<String> documentPageIds(String caseRef, String document);

    Picture picture(String pageId);

    void addDocument(String caseRef, String docKey, byte[] pdf, String sha256, int pages, Instant at);

    /** Closes the case to changes; false when it was submitted already. */
    boolean markSubmitted(String caseRef, String by, Instant at);

    List<CaptureCase.StoredDocument> documents(String caseRef);

    /** An archived document as stored, with the SHA-256 it was stored with. */
    record StoredPdf(byte[] pdf, String sha256) {
    }

    Optional<StoredPdf> documentPdf(String caseRef, String docKey);
}
