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

    /** A money figure as a journal payload carries it (a JSON number of cents). */
    public static long cents(Object o) {
        if (o == null) {
            return 0;
        }
        return o instanceof java.math.BigDecimal b ? b.longValueExact() : ((Number) o).longValue();
    }

    /** A journal payload's fields in the order given. */
    public static java.util.Map<String, Object> fields(Object... kv) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
