package hk.post.ecert.counter.domain.model.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A renewal a customer prepared at a kiosk (issue 17): their certificate (checked there by SRN and HKID or BR number),
 * the term they chose, what they typed for the form, and the queue ticket they took. At the counter the clerk calls the
 * ticket once and the case opens with it; the identity is still checked face to face.
 */
@Entity
@Table(name = "prepared_renewal")
public class PreparedRenewal {

    public enum Status { WAITING, CALLED }

    @Id
    @Column(name = "ticket_key")
    private String ticketKey;

    @Column(name = "ticket_number", nullable = false)
    private String ticketNumber;

    @Column(name = "office_code", nullable = false)
    private String officeCode;

    @Column(name = "ticket_day", nullable = false)
    private LocalDate ticketDay;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    @Column(name = "serial_hex", nullable = false)
    private String serialHex;

    @Column(nullable = false)
    private String srn;

    @Column(name = "variant_code", nullable = false)
    private String variantCode;

    @Column(nullable = false)
    private int years;

    @Column(name = "values_json", nullable = false)
    private String valuesJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "case_ref")
    private String caseRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "called_by")
    private String calledBy;

    @Column(name = "called_at")
    private Instant calledAt;

    @Column(name = "form_checked_by")
    private String formCheckedBy;

    @Column(name = "form_checked_at")
    private Instant formCheckedAt;

    @Version
    private long version;

    protected PreparedRenewal() {
    }

    /** The ticket's number as called: "K" and its place in the office's day. */
    public static String number(int sequence) {
        return String.format("K%03d", sequence);
    }

    /** Normalises what a clerk typed for a ticket ("k7", "K 007" → "K007"); empty when it is not one. */
    public static Optional<String> ticketNumber(String typed) {
        String t = typed == null ? "" : typed.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s", "");
        return t.matches("K\\d{1,3}") ? Optional.of(number(Integer.parseInt(t.substring(1)))) : Optional.empty();
    }

    public PreparedRenewal(String officeCode, LocalDate day, int sequence, String terminalId, String serialHex, String srn,
                           String variantCode, int years, String valuesJson, Instant at) {
        this.ticketNumber = number(sequence);
        this.ticketKey = officeCode + "-" + day + "-" + ticketNumber;
        this.officeCode = officeCode;
        this.ticketDay = day;
        this.terminalId = terminalId;
        this.serialHex = serialHex;
        this.srn = srn;
        this.variantCode = variantCode;
        this.years = years;
        this.valuesJson = valuesJson;
        this.status = Status.WAITING;
        this.createdAt = at;
    }

    /** A clerk called the ticket and opened its case: once. */
    public void wasCalled(String clerk, String caseRef, Instant at) {
        if (status != Status.WAITING) {
            throw new IllegalStateException("ticket " + ticketNumber + " was called already (case " + this.caseRef + ")");
        }
        this.status = Status.CALLED;
        this.calledBy = clerk;
        this.caseRef = caseRef;
        this.calledAt = at;
    }

    /**
     * The clerk read the form the customer prepared back to them and they confirmed it (issue 33): once, after the
     * ticket was called; a repeat changes nothing. Returns whether this was the first time.
     */
    public boolean formChecked(String clerk, Instant at) {
        if (status != Status.CALLED) {
            throw new IllegalStateException("ticket " + ticketNumber + " has not been called");
        }
        if (formCheckedBy != null) {
            return false;
        }
        this.formCheckedBy = clerk;
        this.formCheckedAt = at;
        return true;
    }

    public Optional<String> formCheckedBy() { return Optional.ofNullable(formCheckedBy); }

    public String ticketNumber() { return ticketNumber; }
    public String officeCode() { return officeCode; }
    public LocalDate ticketDay() { return ticketDay; }
    public String serialHex() { return serialHex; }
    public String srn() { return srn; }
    public String variantCode() { return variantCode; }
    public int years() { return years; }
    public String valuesJson() { return valuesJson; }
    public Status status() { return status; }
    public Optional<String> caseRef() { return Optional.ofNullable(caseRef); }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> calledAt() { return Optional.ofNullable(calledAt); }
}
