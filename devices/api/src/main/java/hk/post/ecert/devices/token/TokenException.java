package hk.post.ecert.devices.token;

/** A typed token failure. Its message never contains the PIN. */
public class TokenException extends Exception {

    private final TokenFault fault;

    public TokenException(TokenFault fault, String message) {
        super(message);
        this.fault = fault;
    }

    public TokenException(TokenFault fault, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
    }

    public TokenFault fault() {
        return fault;
    }
}
