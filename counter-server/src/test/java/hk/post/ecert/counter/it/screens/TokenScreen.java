package hk.post.ecert.counter.it.screens;

/**
 * The ids on token.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class TokenScreen {

    public static final String CASE_NAME = "caseName";
    public static final String CASE_REF = "token:caseRef";
    public static final String CASE_YEARS = "caseYears";
    public static final String FAILURE = "failure";
    public static final String FAILURE_DETAIL = "failureDetail";
    public static final String LABEL = "token:label";
    public static final String MESSAGES = "token:messages";
    public static final String NAME = "token:name";
    public static final String OPEN_CASE = "token:openCase";
    public static final String PROGRESS_POLL = "token:progressPoll";
    public static final String RENEWAL_ID = "renewalId";
    public static final String RENEWAL_STATE = "renewalState";
    public static final String RETRY = "token:retry";
    public static final String RETRY_PIN = "token:retryPin";
    public static final String REVOKE = "token:revoke";
    public static final String START = "token:start";
    public static final String TYPE = "token:type";

    private TokenScreen() {
    }
}
