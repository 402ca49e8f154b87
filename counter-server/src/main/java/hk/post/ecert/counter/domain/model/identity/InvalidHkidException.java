package hk.post.ecert.counter.domain.model.identity;

/** An HKID number that cannot be right: its message says why, for the clerk. */
public class InvalidHkidException extends IllegalArgumentException {

    public InvalidHkidException(String message) {
        super(message);
    }
}
