package hk.post.ecert.forms.upload;

/** Why an uploaded or scanned document is refused; each has its own message for the clerk. */
public enum RefusalReason {
    EMPTY,
    TOO_LARGE,
    UNSUPPORTED_TYPE,
    FORM_MUST_BE_PDF,
    PDF_UNREADABLE,
    PDF_TRUNCATED,
    PDF_ENCRYPTED,
    PDF_JAVASCRIPT,
    PDF_LAUNCH_ACTION,
    PDF_EMBEDDED_FILES,
    IMAGE_UNREADABLE,
    IMAGE_TOO_MANY_PIXELS
}
