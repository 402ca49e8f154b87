package hk.post.ecert.counter.it.screens;

/**
 * The ids on triage.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class TriageScreen {

    public static final String FEE_NOT_SET = "feeNotSet";
    public static final String FEE_TOTAL = "feeTotal";
    public static final String FORMS = "forms";
    public static final String PRINT_SLIP = "triage:printSlip";
    public static final String SECTIONS = "sections";
    public static final String TYPE = "triage:type";
    public static final String VARIANT = "triage:variant";

    private TriageScreen() {
    }
}
