package hk.post.ecert.counter.domain.service;

/** The CA refused to issue; the message says why, for the clerk and the officer. */
public class CertificateRefusedException extends RuntimeException {

    public CertificateRefusedException(String message) {
        super(message);
    }
}
