package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal.Reason;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A till session: one clerk's drawer at one counter for one business day, and the rules of its life — only an open
 * till of the clerk's own takes money; the blind close records the count once; a variance is explained by the clerk
 * and, above the threshold, signed off by someone else.
 */
public record TillSession(String tillId, String office, String counter, String journalCounter, String clerk,
                          LocalDate businessDate, Status status, Instant openedAt, Instant closedAt) {

    /** The business day is Hong Kong's. */
    public static final java.time.ZoneId HONG_KONG = java.time.ZoneId.of("Asia/Hong_Kong");

    /** Till session states. Only OPEN takes money. */
    public enum Status { OPEN, COUNTED, AWAITING_SIGNOFF, CLOSED }

    /** A counter's journal chain ("GPO-C01"). */
    public static String journalCounter(String office, String counter) {
        return office + "-" + counter;
    }

    /** A new session, open, at a counter. */
    public static TillSession open(String tillId, String office, String counter, String clerk, LocalDate day, Instant at) {
        return new TillSession(tillId, office, counter, journalCounter(office, counter), clerk, day, Status.OPEN, at, null);
    }

    /** Only an open till of the clerk's own takes money, cash movements and reversals. */
    public TillSession requireOpenFor(String someone) {
        if (status != Status.OPEN) {
            throw new PosRefusal(Reason.TILL_NOT_OPEN, tillId);
        }
        if (!clerk.equals(someone)) {
            throw new PosRefusal(Reason.NOT_YOUR_TILL, tillId, clerk);
        }
        return this;
    }

    /** A cash drop or pickup is of some money, and a drop cannot take more than the drawer holds. */
    public void checkCashMovement(String someone, boolean drop, Money amount, Money expectedCash) {
        requireOpenFor(someone);
        if (amount.cents() == 0) {
            throw new PosRefusal(Reason.AMOUNT_ZERO);
        }
        if (drop && amount.compareTo(expectedCash) > 0) {
            throw new PosRefusal(Reason.DROP_OVER_CASH, amount.toString(), expectedCash.toString());
        }
    }

    /**
     * The blind close: the count against the cash expected. No variance closes the till; a variance leaves it
     * COUNTED until the clerk explains it. It happens once.
     */
    public CloseOutcome closeBlind(String someone, CashCount counted, Money expectedCash) {
        if (status != Status.OPEN) {
            throw new PosRefusal(Reason.ALREADY_CLOSED, tillId);
        }
        requireOpenFor(someone);
        long variance = counted.total().cents() - expectedCash.cents();
        return new CloseOutcome(tillId, counted.total(), expectedCash, Money.ofCents(variance),
                variance == 0 ? Status.CLOSED : Status.COUNTED);
    }

    /**
     * The clerk's reason for a counted variance. Within the threshold (either way) the till closes; above it, it waits
     * for a supervisor's sign-off.
     */
    public Status explainVariance(String someone, String reason, Money variance, Money signOffThreshold) {
        if (status != Status.COUNTED) {
            throw new PosRefusal(Reason.NO_VARIANCE_TO_EXPLAIN, tillId);
        }
        if (!clerk.equals(someone)) {
            throw new PosRefusal(Reason.NOT_YOUR_TILL, tillId, clerk);
        }
        if (reason == null || reason.isBlank()) {
            throw new PosRefusal(Reason.REASON_NEEDED);
        }
        return Math.abs(variance.cents()) > signOffThreshold.cents() ? Status.AWAITING_SIGNOFF : Status.CLOSED;
    }

    /** A supervisor who is not the till's clerk signs off a variance above the threshold; the till closes. */
    public Status signOff(String supervisor) {
        if (status != Status.AWAITING_SIGNOFF) {
            throw new PosRefusal(Reason.NOT_AWAITING_SIGNOFF, tillId);
        }
        if (clerk.equals(supervisor)) {
            throw new PosRefusal(Reason.SELF_APPROVAL, supervisor);
        }
        return Status.CLOSED;
    }
}
