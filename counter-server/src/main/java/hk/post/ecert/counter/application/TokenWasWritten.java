package hk.post.ecert.counter.application;

/**
 * CDI event: a renewed certificate was written onto the customer's medium and read back verified; observed after the
 * commit, so the case it renews completes on the server, not when a screen happens to look.
 */
public record TokenWasWritten(String renewalId, String caseRef, String clerk) {
}
