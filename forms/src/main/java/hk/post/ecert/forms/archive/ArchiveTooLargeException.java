package hk.post.ecert.forms.archive;

/**
 * The document does not fit in 5 MB at this resolution. Nothing is degraded silently: the clerk is told the size
 * and offered a lower resolution that still keeps it legible, or told to split the document.
 *
 * @param suggestedDpi a resolution that should fit, never below the legibility floor; 0 when none will
 */
public class ArchiveTooLargeException extends Exception {

    private final long bytes;
    private final int suggestedDpi;

    public ArchiveTooLargeException(long bytes, int suggestedDpi, String message) {
        super(message);
        this.bytes = bytes;
        this.suggestedDpi = suggestedDpi;
    }

    public long bytes() {
        return bytes;
    }

    public int suggestedDpi() {
        return suggestedDpi;
    }
}
