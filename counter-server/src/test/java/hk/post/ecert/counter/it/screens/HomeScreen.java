package hk.post.ecert.counter.it.screens;

/**
 * The ids on index.xhtml (counter home) that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class HomeScreen {

    public static final String CUSTOMER_TITLE = "customerTitle";
    public static final String FIND = "search:find";
    public static final String NEXT_CUSTOMER = "search:nextCustomer";
    public static final String QUERY = "search:query";
    public static final String REFER = "search:refer";
    public static final String REFERRAL_BODY = "referralBody";
    public static final String RENEW = "search:renew";
    public static final String SEARCH_CHANGE = "searchChange";
    public static final String SEARCH_EXTENDED = "searchExtended";
    public static final String SEARCH_MESSAGES = "search:searchMessages";
    public static final String SLIP_STATUS = "slipStatus";
    public static final String TENDERS_0_TENDER = "search:tenders:0:tender";
    public static final String TO_BASKET = "search:toBasket";

    private HomeScreen() {
    }
}
