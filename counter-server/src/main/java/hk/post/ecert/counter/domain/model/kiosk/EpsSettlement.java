package hk.post.ecert.counter.domain.model.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A kiosk's EPS settlement for a day (issue 17), as its payment device reported the batch: the approved sales it closed
 * and their total. The Z report sets it beside the EPS takings the kiosk's till journalled; they must agree.
 */
@Entity
@Table(name = "eps_settlement")
public class EpsSettlement {

    @Id
    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    @Column(name = "office_code", nullable = false)
    private String officeCode;

    @Column(name = "settle_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private int sales;

    @Column(name = "total_cents", nullable = false)
    private long totalCents;

    @Column(name = "payment_ids", nullable = false)
    private String paymentIds;

    @Column(name = "settled_at", nullable = false)
    private Instant settledAt;

    protected EpsSettlement() {
    }

    public EpsSettlement(String batchId, String terminalId, String officeCode, LocalDate day, int sales, long totalCents,
                         String paymentIds, Instant settledAt) {
        this.batchId = batchId;
        this.terminalId = terminalId;
        this.officeCode = officeCode;
        this.day = day;
        this.sales = sales;
        this.totalCents = totalCents;
        this.paymentIds = paymentIds;
        this.settledAt = settledAt;
    }

    /** The batch id a kiosk's day settles under: the same day asked again is the same batch. */
    public static String batchOf(String terminalId, LocalDate day) {
        return terminalId + "-" + day;
    }

    public String batchId() { return batchId; }
    public String terminalId() { return terminalId; }
    public LocalDate day() { return day; }
    public int sales() { return sales; }

    /** Whether the device settled this payment in the batch (it was approved and charged). */
    public boolean settled(String paymentId) {
        return paymentIds != null && Arrays.asList(paymentIds.split(",")).contains(paymentId);
    }
    public long totalCents() { return totalCents; }
}
