package hk.post.ecert.counter.it.screens;

/**
 * The ids on sale.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class SaleScreen {

    public static final String ADD_ITEM = "sale:addItem";
    public static final String CASH = "sale:cash";
    public static final String CHANGE = "change";
    public static final String CHANGE_PIECES = "changePieces";
    public static final String LAST_REVERSAL = "lastReversal";
    public static final String LAST_TXN = "lastTxn";
    public static final String LINES = "lines";
    public static final String MESSAGES = "sale:messages";
    public static final String NO_TILL = "noTill";
    public static final String PAPER_AMOUNT = "sale:paperAmount";
    public static final String PAPER_BANK = "sale:paperBank";
    public static final String PAPER_DATE = "sale:paperDate";
    public static final String PAPER_NUMBER = "sale:paperNumber";
    public static final String PAPER_PAYEE = "sale:paperPayee";
    public static final String PAY = "sale:pay";
    public static final String REPRINT = "sale:reprint";
    public static final String REVERSE_REASON = "sale:reverseReason";
    public static final String REVERSE_TXN = "sale:reverseTxn";
    public static final String SUPERVISOR = "sale:supervisor";
    public static final String SUPERVISOR_PASSWORD = "sale:supervisorPassword";
    public static final String TOTAL = "total";
    public static final String VOID = "sale:void";
    public static final String WHAT = "sale:what";

    private SaleScreen() {
    }
}
