package hk.post.ecert.counter.it.screens;

/**
 * The ids on the top bar of every counter page (WEB-INF/template.xhtml) that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class TopBar {

    public static final String DEVICE_STATE = "top:deviceState";
    public static final String LANG = "top:lang";
    public static final String LANG_EN = "top:langEn";
    public static final String LANG_ZH = "top:langZh";
    public static final String LOGOUT = "top:logout";
    public static final String NAV_BANK = "top:navBank";
    public static final String NAV_CAPTURE = "top:navCapture";
    public static final String NAV_CASES = "top:navCases";
    public static final String NAV_DAY = "top:navDay";
    public static final String NAV_FEES = "top:navFees";
    public static final String NAV_GLANCE = "top:navGlance";
    public static final String NAV_HOME = "top:navHome";
    public static final String NAV_SALE = "top:navSale";
    public static final String NAV_STAFF = "top:navStaff";
    public static final String NAV_SUBSCRIBERS = "top:navSubscribers";
    public static final String NAV_TERMINALS = "top:navTerminals";
    public static final String NAV_TILL = "top:navTill";
    public static final String NAV_TRIAGE = "top:navTriage";
    public static final String NAV_VETTING = "top:navVetting";

    private TopBar() {
    }
}
