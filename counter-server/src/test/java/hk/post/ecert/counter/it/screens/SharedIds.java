package hk.post.ecert.counter.it.screens;

/**
 * Ids that more than one screen uses for the same thing (a panel they include, or one name kept on purpose): each
 * constant's comment names the screens. The browser tests' selectors live in {@code screens} (issue 32): an id the
 * pages change is changed here once.
 */
public final class SharedIds {

    /** On subscribers.xhtml, supervisor/staff.xhtml. */
    public static final String AUDIT = "audit";
    /** On cases.xhtml, token.xhtml. */
    public static final String CASE_MEDIUM = "caseMedium";
    /** On cases.xhtml, capture.xhtml, token.xhtml. */
    public static final String CASE_REF = "caseRef";
    /** On cases.xhtml, token.xhtml. */
    public static final String CASE_STATE = "caseState";
    /** On cases.xhtml, token.xhtml. */
    public static final String CASE_TYPE = "caseType";
    /** On cases.xhtml, csr.xhtml. */
    public static final String CERTIFICATE_PEM = "certificatePem";
    /** On triage.xhtml, hkpca/bank.xhtml. */
    public static final String CHANNEL = "channel";
    /** On bootstrap.xhtml, supervisor/terminals.xhtml. */
    public static final String CODE = "code";
    /** On cases.xhtml, csr.xhtml. */
    public static final String CSR_PROBLEMS = "csrProblems";
    /** On capture.xhtml, triage.xhtml. */
    public static final String DOCUMENTS = "documents";
    /** On cases.xhtml, supervisor/terminals.xhtml. */
    public static final String HISTORY = "history";
    /** On sale.xhtml, capture.xhtml, triage.xhtml. */
    public static final String JOB_REASON = "jobReason";
    /** On sale.xhtml, capture.xhtml, triage.xhtml. */
    public static final String JOB_STATUS = "jobStatus";
    /** On subscribers.xhtml, kiosk/index.xhtml. */
    public static final String NEW_END = "newEnd";
    /** On cases.xhtml, hkpca/bank.xhtml. */
    public static final String NEW_SERIAL = "newSerial";
    /** On cases.xhtml, capture.xhtml, token.xhtml. */
    public static final String OPEN_CASE = "openCase";
    /** On index.xhtml, triage.xhtml. */
    public static final String REFERRAL = "referral";
    /** On subscribers.xhtml, token.xhtml. */
    public static final String SERIAL = "serial";

    private SharedIds() {
    }
}
