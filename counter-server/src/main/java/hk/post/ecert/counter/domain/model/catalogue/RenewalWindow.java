package hk.post.ecert.counter.domain.model.catalogue;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Where today falls against a certificate's renewal window (rule 3).
 *
 * @param opens    first day a renewal is accepted ({@code null}: any day before expiry, or no window at all)
 * @param expiry   the certificate's expiry date
 * @param adviseBy the day the customer is advised to have come by ({@code null} when the type gives no advice)
 */
public record RenewalWindow(Position position, LocalDate opens, LocalDate expiry, LocalDate adviseBy) {

    public enum Position {
        /** Renewal accepted today. */
        OPEN,
        /** Too early: the clerk sees the date the window opens. */
        NOT_YET_OPEN,
        /** The certificate has expired: rule 1, a new application instead. */
        EXPIRED,
        /** The type has no renewal window at the counter. */
        NO_WINDOW
    }

    public boolean accepted() {
        return position == Position.OPEN;
    }

    /**
     * The whole months of this certificate's validity that a renewal today gives up: the renewed certificate starts on
     * the day it is issued, never on the old one's expiry.
     */
    public long monthsGivenUp(LocalDate today) {
        return today.isAfter(expiry) ? 0 : Period.between(today, expiry).toTotalMonths();
    }

    /**
     * What renewing today gives up, said plainly (issue 29): empty when less than two months would be lost, or when
     * the certificate cannot be renewed at all.
     */
    public Optional<Bilingual> earlyRenewal(LocalDate today) {
        long months = monthsGivenUp(today);
        if (position == Position.EXPIRED || position == Position.NO_WINDOW || months < 2) {
            return Optional.empty();
        }
        return Optional.of(new Bilingual("Renewing now gives up the " + months + " months left on this certificate (it expires on "
                + expiry + "): the renewed certificate starts on the day it is issued.",
                "現在續期會放棄此證書餘下的 " + months + " 個月（證書於 " + expiry + " 到期）：續期後的證書由簽發當日起計。"));
    }
}
