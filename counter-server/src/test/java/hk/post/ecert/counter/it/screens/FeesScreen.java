package hk.post.ecert.counter.it.screens;

/**
 * The ids on admin/fees.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class FeesScreen {

    public static final String AMOUNT = "fees:amount";
    public static final String APPROVER = "fees:approver";
    public static final String APPROVER_PASSWORD = "fees:approverPassword";
    public static final String ENTER = "fees:enter";
    public static final String ENTRIES = "fees:entries";
    public static final String ITEM = "fees:item";
    public static final String MSGS = "fees:msgs";
    public static final String SCHEDULE = "fees:schedule";
    public static final String SOURCE = "fees:source";

    private FeesScreen() {
    }
}
