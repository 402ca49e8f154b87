package hk.post.ecert.counter.it.screens;

/**
 * The ids on supervisor/officeday.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class OfficeDayScreen {

    public static final String CLOSE_DAY = "day:closeDay";
    public static final String DAY_CLOSED = "dayClosed";
    public static final String DAY_NET = "dayNet";
    public static final String DAY_VARIANCE = "dayVariance";
    public static final String EPS_SETTLEMENT = "epsSettlement";
    public static final String SETTLE_EPS = "day:settleEps";
    public static final String TIES = "ties";
    public static final String UNTIED = "untied";
    public static final String VERIFY = "day:verify";
    public static final String VERIFY_RESULT = "verifyResult";

    private OfficeDayScreen() {
    }
}
