package hk.post.ecert.counter.it.screens;

/**
 * The ids on till.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class TillScreen {

    public static final String AWAITING_SIGN_OFF = "awaitingSignOff";
    public static final String CLOSE_TILL = "till:closeTill";
    public static final String CONFIRM_YES = "till:confirmYes";
    public static final String COUNTED_AMOUNT = "countedAmount";
    public static final String DROP = "till:drop";
    public static final String EXPECTED_AMOUNT = "expectedAmount";
    public static final String EXPLAIN = "till:explain";
    public static final String FLOAT_AMOUNT = "floatAmount";
    public static final String OPEN_TILL = "till:openTill";
    public static final String TILL_STATUS = "tillStatus";
    public static final String TO_SALE = "till:toSale";
    public static final String VARIANCE_AMOUNT = "varianceAmount";
    public static final String VARIANCE_REASON = "till:varianceReason";

    private TillScreen() {
    }
}
