package hk.post.ecert.counter.domain.model.catalogue;

import java.time.LocalDate;

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
}
