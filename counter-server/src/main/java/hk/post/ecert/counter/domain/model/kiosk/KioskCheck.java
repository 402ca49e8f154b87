package hk.post.ecert.counter.domain.model.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One certificate check at a kiosk, kept for the rate limits (the SRN, whether it matched; never the HKID). */
@Entity
@Table(name = "kiosk_check")
public class KioskCheck {

    @Id
    @Column(name = "check_id")
    private String checkId;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    @Column(nullable = false)
    private String srn;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(nullable = false)
    private boolean matched;

    protected KioskCheck() {
    }

    public KioskCheck(String terminalId, String srn, Instant checkedAt, boolean matched) {
        this.checkId = java.util.UUID.randomUUID().toString();
        this.terminalId = terminalId;
        this.srn = srn;
        this.checkedAt = checkedAt;
        this.matched = matched;
    }
}
