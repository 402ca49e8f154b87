package hk.post.ecert.forms.upload;

/** A document the counter will not keep, with the reason and a message a clerk can act on. */
public class UploadRefusedException extends Exception {

    private final RefusalReason reason;

    public UploadRefusedException(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
