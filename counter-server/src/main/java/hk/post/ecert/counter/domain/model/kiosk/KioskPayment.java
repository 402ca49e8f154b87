package hk.post.ecert.counter.domain.model.kiosk;

import hk.post.ecert.counter.domain.model.devicejob.ReportedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * An EPS payment at a self-service kiosk for an e-Cert (Personal) subscription extension (issue 17). Its id is chosen
 * by the kiosk's screen before the sale is first sent, so a repeat is the same payment. The rules: the subscription
 * is extended only for a payment the device approved; an outcome the device did not say (the answer was lost) is
 * asked for by a status enquiry before anything else; and a finished payment never changes again.
 */
@Entity
@Table(name = "kiosk_payment")
public class KioskPayment {

    /** Where the payment stands. */
    public enum Status {
        /** The sale was sent to the kiosk's payment device; the customer is at the card reader. */
        SENT,
        /** The device's answer was lost: a status enquiry is under way. Nothing is extended meanwhile. */
        ENQUIRING,
        /** The device approved it; the extension is being recorded. */
        APPROVED,
        /** Paid and extended; the receipt printed. */
        EXTENDED,
        DECLINED,
        CANCELLED,
        /** The sale never reached the device (its status enquiry said so); nothing was charged. */
        NOT_CHARGED,
        /** The device could not take the sale (offline, busy, an error); nothing was charged. */
        FAILED;

        public boolean finished() {
            return this == EXTENDED || this == DECLINED || this == CANCELLED || this == NOT_CHARGED || this == FAILED;
        }
    }

    /** What the device said of a sale (or of a status enquiry about it). */
    public enum DeviceAnswer { APPROVED, DECLINED, CANCELLED, NOT_FOUND }

    /** How many status enquiries are made before the payment is left for a supervisor to settle with the bank. */
    public static final int MAX_ENQUIRIES = 5;

    @Id
    @Column(name = "payment_id")
    private String paymentId;

    @Column(name = "terminal_id", nullable = false)
    private String terminalId;

    @Column(name = "serial_hex", nullable = false)
    private String serialHex;

    @Column(nullable = false)
    private String srn;

    @Column(nullable = false)
    private int years;

    @Column(name = "amount_cents", nullable = false)
    private long amountCents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "approval_code")
    private String approvalCode;

    private String detail;

    @Column(nullable = false)
    private int enquiries;

    @Column(name = "receipt_lang", nullable = false)
    private String receiptLanguage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected KioskPayment() {
    }

    /** The sale is about to be sent to the kiosk's device. */
    public static KioskPayment send(String paymentId, String terminalId, String serialHex, String srn, int years, long amountCents,
                                    String receiptLanguage, Instant at) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("an EPS sale is for an amount above zero");
        }
        KioskPayment p = new KioskPayment();
        p.paymentId = paymentId;
        p.terminalId = terminalId;
        p.serialHex = serialHex;
        p.srn = srn;
        p.years = years;
        p.amountCents = amountCents;
        p.status = Status.SENT;
        p.enquiries = 0;
        p.receiptLanguage = receiptLanguage;
        p.createdAt = at;
        p.updatedAt = at;
        return p;
    }

    /**
     * The device answered the sale (or an enquiry about it). A finished payment keeps its outcome (a repeated answer
     * changes nothing), and an approval already taken stands.
     *
     * @return whether this answer changed the payment
     */
    public boolean deviceAnswered(DeviceAnswer answer, String approvalCode, String detail, Instant at) {
        if (status != Status.SENT && status != Status.ENQUIRING) {
            return false;
        }
        status = switch (answer) {
            case APPROVED -> Status.APPROVED;
            case DECLINED -> Status.DECLINED;
            case CANCELLED -> Status.CANCELLED;
            case NOT_FOUND -> Status.NOT_CHARGED;
        };
        this.approvalCode = answer == DeviceAnswer.APPROVED ? ReportedText.fit(approvalCode, 40) : null;
        this.detail = ReportedText.fit(detail, 200);   // kiosk_payment.detail
        this.updatedAt = at;
        return true;
    }

    /**
     * The device's answer was lost: the outcome is unknown, and the next step is a status enquiry.
     *
     * @return whether another enquiry is to be made (false once {@link #MAX_ENQUIRIES} were made)
     */
    public boolean outcomeUnknown(String detail, Instant at) {
        if (status != Status.SENT && status != Status.ENQUIRING) {
            return false;
        }
        status = Status.ENQUIRING;
        this.detail = ReportedText.fit(detail, 200);   // kiosk_payment.detail
        this.updatedAt = at;
        if (enquiries >= MAX_ENQUIRIES) {
            return false;
        }
        enquiries++;
        return true;
    }

    /** The device could not take the sale at all (it says so): nothing was charged. */
    public boolean deviceFailed(String detail, Instant at) {
        if (status != Status.SENT) {
            return false;
        }
        status = Status.FAILED;
        this.detail = ReportedText.fit(detail, 200);   // kiosk_payment.detail
        this.updatedAt = at;
        return true;
    }

    /** Only an approved payment extends the subscription. */
    public void extensionWasRecorded(Instant at) {
        if (status == Status.EXTENDED) {
            return;
        }
        if (status != Status.APPROVED) {
            throw new IllegalStateException("payment " + paymentId + " is " + status + ": only an approved payment extends");
        }
        status = Status.EXTENDED;
        updatedAt = at;
    }

    public String paymentId() { return paymentId; }
    public String terminalId() { return terminalId; }
    public String serialHex() { return serialHex; }
    public String srn() { return srn; }
    public int years() { return years; }
    public long amountCents() { return amountCents; }
    public Status status() { return status; }
    public Optional<String> approvalCode() { return Optional.ofNullable(approvalCode); }
    public String detail() { return detail == null ? "" : detail; }
    public int enquiries() { return enquiries; }
    public String receiptLanguage() { return receiptLanguage; }
    public Instant createdAt() { return createdAt; }

    /** The job that asks the device: the sale itself, then each status enquiry under its own id. */
    public String deviceJobId() {
        return enquiries == 0 ? "EPS-" + paymentId : "EPS-" + paymentId + "-Q" + enquiries;
    }
}
