package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal.Reason;

/**
 * A compensating entry for a till, proposed with a reason and evidence; nothing changes until a second person, one of
 * the two answering for the counter, approves it. The original entries stay as they were.
 */
public record TillCorrection(String correctionId, String tillId, TenderKind tender, Money amount, String reason,
                             String evidence, String proposedBy, String status, String decidedBy) {

    public static final String PROPOSED = "PROPOSED";
    public static final String APPROVED = "APPROVED";

    /** A proposal: some money, a reason and evidence. */
    public static TillCorrection propose(String correctionId, String tillId, TenderKind tender, Money amount,
                                         String reason, String evidence, String proposer) {
        if (amount.cents() == 0) {
            throw new PosRefusal(Reason.AMOUNT_ZERO);
        }
        if (reason == null || reason.isBlank() || evidence == null || evidence.isBlank()) {
            throw new PosRefusal(Reason.REASON_NEEDED);
        }
        return new TillCorrection(correctionId, tillId, tender, amount, reason.trim(), evidence.trim(), proposer, PROPOSED, null);
    }

    /** The approval: by a second person, and one of the two answers for the till's counter. */
    public void checkApproval(String approver, TillSession till, Responsibility responsibility) {
        if (!PROPOSED.equals(status)) {
            throw new PosRefusal(Reason.NO_SUCH_CORRECTION, correctionId);
        }
        if (proposedBy.equals(approver)) {
            throw new PosRefusal(Reason.SECOND_PERSON, approver);
        }
        if (!responsibility.isResponsibleFor(approver, till.office(), till.counter())
                && !responsibility.isResponsibleFor(proposedBy, till.office(), till.counter())) {
            throw new PosRefusal(Reason.NOT_RESPONSIBLE, till.journalCounter());
        }
    }
}
