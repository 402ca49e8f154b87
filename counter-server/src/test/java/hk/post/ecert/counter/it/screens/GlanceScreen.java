package hk.post.ecert.counter.it.screens;

/**
 * The ids on supervisor/glance.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class GlanceScreen {

    public static final String ACT_ON = "actOn";
    public static final String GLANCE_SUMMARY = "glanceSummary";
    public static final String QUEUE = "queue";
    public static final String SERVICE_TABLE = "serviceTable";
    public static final String TENDER_TABLE = "tenderTable";

    private GlanceScreen() {
    }
}
