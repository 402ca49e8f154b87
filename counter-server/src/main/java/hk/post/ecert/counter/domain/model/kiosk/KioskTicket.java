package hk.post.ecert.counter.domain.model.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A one-time ticket that binds a browser on the kiosk PC to the kiosk (issue 17). The kiosk's agent, authenticated by
 * its own key, asks for it and opens the kiosk's screen with it; it is redeemed once, within its minute. Only its hash
 * is stored.
 */
@Entity
@Table(name = "kiosk_ticket")
public class KioskTicket {

    @Id
    @Column(name = "ticket_hash")
    private String ticketHash;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    protected KioskTicket() {
    }

    public KioskTicket(String ticketHash, String terminalId, Instant expiresAt) {
        this.ticketHash = ticketHash;
        this.terminalId = terminalId;
        this.expiresAt = expiresAt;
    }

    /**
     * Whether it may still be redeemed at {@code now}: once, before it expires. The redemption itself is the same
     * condition written as one conditional UPDATE ({@link KioskRecords#redeemTicket}), so that racing requests
     * cannot both pass it.
     */
    public boolean redeemable(Instant now) {
        return redeemedAt == null && now.isBefore(expiresAt);
    }

    public String terminalId() {
        return terminalId;
    }
}
