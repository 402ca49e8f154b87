package hk.post.ecert.counter.it.screens;

/**
 * The ids on supervisor/terminals.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class TerminalsScreen {

    public static final String COUNTER = "terminals:counter";
    public static final String EVENTS = "terminals:events";
    public static final String HISTORY_TITLE = "historyTitle";
    public static final String ISSUE = "terminals:issue";
    public static final String LIST_0_HISTORY = "terminals:list:0:history";
    public static final String LIST_1_REVOKE = "terminals:list:1:revoke";
    public static final String OFFICE = "terminals:office";
    public static final String TID = "terminals:tid";

    private TerminalsScreen() {
    }
}
