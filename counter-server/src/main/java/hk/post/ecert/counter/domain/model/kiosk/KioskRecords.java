package hk.post.ecert.counter.domain.model.kiosk;

import java.util.Collection;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

/** The kiosks' tickets, checks and payments. */
public interface KioskRecords {

    void add(KioskTicket ticket);

    Optional<KioskTicket> ticket(String ticketHash);

    /**
     * Redeems a ticket in one conditional write — not yet redeemed and not expired at {@code now} — so that of any
     * number of requests racing with the same ticket exactly one wins (issue 31, finding 9).
     *
     * @return the kiosk's terminal id for the one request that redeemed it
     */
    Optional<String> redeemTicket(String ticketHash, Instant now);

    void add(KioskCheck check);

    /** Checks at this kiosk since {@code since} that did not match. */
    long failedChecksAtKiosk(String terminalId, Instant since);

    /** Checks of this SRN, at any kiosk, since {@code since} that did not match. */
    long failedChecksOfSrn(String srn, Instant since);

    /** Every check at this kiosk since {@code since}. */
    long checksAtKiosk(String terminalId, Instant since);

    void add(KioskPayment payment);

    /** Payments of these kiosks whose outcome the device has not told, sent before {@code before}, oldest first. */
    List<KioskPayment> unresolved(Collection<String> terminalIds, Instant before);

    Optional<KioskPayment> payment(String paymentId);

    void add(PreparedRenewal prepared);

    /** How many renewals were prepared at this office's kiosks that day (the next ticket follows them). */
    long preparedOn(String officeCode, java.time.LocalDate day);

    /** The office's kiosk tickets of a day, waiting or called (issue 33: the queue at a glance). */
    List<PreparedRenewal> tickets(String officeCode, java.time.LocalDate day);

    /** The prepared renewal a called ticket opened as this case, if the case came from a kiosk. */
    Optional<PreparedRenewal> preparedFor(String caseRef);

    Optional<PreparedRenewal> prepared(String officeCode, java.time.LocalDate day, String ticketNumber);

    Optional<EpsSettlement> settlement(String batchId);

    void add(EpsSettlement settlement);

    java.util.List<EpsSettlement> settlements(String officeCode, java.time.LocalDate day);
}
