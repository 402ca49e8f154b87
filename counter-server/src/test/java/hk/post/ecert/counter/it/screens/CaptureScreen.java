package hk.post.ecert.counter.it.screens;

/**
 * The ids on capture.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class CaptureScreen {

    public static final String CASE_REF = "capture:caseRef";
    public static final String CHECKLIST = "checklist";
    public static final String JOB_POLL = "capture:jobPoll";
    public static final String MESSAGES = "capture:messages";
    public static final String OPEN = "capture:open";
    public static final String ORG_NAME = "capture:orgName";
    public static final String REFRESH_JOB = "capture:refreshJob";
    public static final String RESUME = "capture:resume";
    public static final String SCAN = "capture:scan";
    public static final String SUBMIT = "capture:submit";
    public static final String TYPE = "capture:type";
    public static final String VARIANT = "capture:variant";

    private CaptureScreen() {
    }
}
