package hk.post.ecert.counter.domain.model.till;

/** The kinds of journal entry the till writes. Every money figure a screen shows is folded from these. */
public final class Events {

    public static final String TILL_OPENED = "TILL_OPENED";
    public static final String SALE = "SALE";
    public static final String VOID = "VOID";
    public static final String REFUND = "REFUND";
    public static final String CASH_DROP = "CASH_DROP";
    public static final String CASH_PICKUP = "CASH_PICKUP";
    public static final String TILL_COUNTED = "TILL_COUNTED";
    public static final String VARIANCE_EXPLAINED = "VARIANCE_EXPLAINED";
    public static final String TILL_SIGNED_OFF = "TILL_SIGNED_OFF";
    public static final String CORRECTION = "CORRECTION";
    public static final String OFFICE_DAY_CLOSED = "OFFICE_DAY_CLOSED";
    public static final String CERTIFICATE_ISSUED = "CERT_ISSUED";
    public static final String CERTIFICATE_REVOKED = "CERT_REVOKED";

    private Events() {
    }
}
