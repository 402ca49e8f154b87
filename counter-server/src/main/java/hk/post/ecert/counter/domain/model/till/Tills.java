package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The till sessions and their money, as the counter journal has them: each step in the caller's transaction, the
 * journal entry and the row that guards it both there or neither, and a repeat of a request id answered with the
 * first outcome. The journal is reached only through this port.
 */
public interface Tills {

    /** Today's business day in Hong Kong. */
    LocalDate today();

    /** Opens a till at a counter with a counted float; a repeat of the same till id answers with that till. */
    TillSession open(String tillId, String office, String counter, String clerk, CashCount openingFloat);

    Optional<TillSession> openTillAt(String journalCounter);

    Optional<TillSession> till(String tillId);

    /** Till sessions of an office on a business day, oldest first. */
    List<TillSession> tillsOf(String office, LocalDate day);

    /** The till's figures, folded from the journal. */
    TillLedger ledger(TillSession till);

    /** Journals a sale of these lines, settled by these tenders, on the till. */
    SaleOutcome pay(String paymentId, String tillId, String clerk, List<SaleLine> lines, List<Tender> tenders);

    Optional<SaleOutcome> saleByPayment(String paymentId);

    Optional<SaleOutcome> saleByTransaction(String transactionNo);

    /** Sales of a till, newest first. */
    List<SaleOutcome> salesOf(String tillId);

    /** The void or refund of a sale, if any. */
    Optional<ReversalOutcome> reversalOf(String paymentId);

    /**
     * Journals a void or refund; the approver has re-authenticated as a supervisor. A refund {@code toCard} went back
     * through the EPS device that took the sale (nothing leaves a drawer); any other refund is paid in cash.
     */
    ReversalOutcome reverse(String reversalId, boolean isVoid, String transactionNo, String tillId, String clerk,
                            String reason, String approver, boolean toCard);

    /** A cash drop or pickup. */
    Money moveCash(String requestId, String tillId, String clerk, boolean drop, CashCount pieces);

    CloseOutcome closeBlind(String tillId, String clerk, CashCount counted);

    TillSession.Status explainVariance(String tillId, String clerk, String reason, Money signOffThreshold);

    void signOff(String tillId, String supervisor, String note);
}
