package hk.post.ecert.counter.application.notice;

/**
 * A renewal case reached a step its customer is told of by e-mail (issue 30). Fired inside the transaction of the
 * step, so the notice is written with it (the outbox) or not at all.
 */
public record CaseNoticeEvent(String caseRef, Step step) {

    public enum Step {
        /** HKPCA approved the case: a Server AR is asked for the CSR; a token case waits for the customer at the counter. */
        APPROVED,
        /** A Server certificate was issued for the AR's CSR. */
        CSR_ISSUED,
        /** The renewed certificate was posted. */
        DISPATCHED
    }
}
