package hk.post.ecert.counter.domain.model.fee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An administrator's word that a published fee's figure is the one in force, checked against its source (issue 29).
 * It names the rate exactly — item, term, start date and amount — so a figure changed in the data file is charged only
 * once it is confirmed again. A fee an administrator entered as a setting is confirmed by the supervisor who approved it.
 */
public record FeeConfirmation(String itemCode, Optional<Integer> years, LocalDate effectiveFrom, Money amount, String confirmedBy,
                              Instant at) {

    /** Whether this confirmation is of {@code rate}. */
    public boolean confirms(FeeRate rate) {
        return rate.itemCode().equals(itemCode) && rate.years().equals(years) && rate.effectiveFrom().equals(effectiveFrom)
                && rate.amount().cents() == amount.cents();
    }

    /** A confirmation of {@code rate} by {@code administrator}. */
    public static FeeConfirmation of(FeeRate rate, String administrator, Instant at) {
        return new FeeConfirmation(rate.itemCode(), rate.years(), rate.effectiveFrom(), rate.amount(), administrator, at);
    }
}
