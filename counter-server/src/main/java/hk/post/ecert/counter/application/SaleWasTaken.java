package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.till.SaleOutcome;

/** CDI event: a sale was taken (not a repeat of one); observed after commit, for the operators' metrics. */
public record SaleWasTaken(SaleOutcome sale) {
}
