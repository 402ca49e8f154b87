package hk.post.ecert.counter.domain.model.fee;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One effective-dated entry of the fee schedule: from {@code effectiveFrom} the item costs {@code amount}
 * (for the term {@code years}, when the item is priced by term). {@code source} says where the figure comes from:
 * a publication, or the administrator who entered a setting.
 */
public record FeeRate(String itemCode, LocalDate effectiveFrom, Money amount, Optional<Integer> years, String source) {
}
