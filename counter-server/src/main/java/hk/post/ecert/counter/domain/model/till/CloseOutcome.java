package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;

/** The blind close as recorded: the count, the cash expected, the variance, and where the till went. */
public record CloseOutcome(String tillId, Money counted, Money expected, Money variance, TillSession.Status status) {
}
