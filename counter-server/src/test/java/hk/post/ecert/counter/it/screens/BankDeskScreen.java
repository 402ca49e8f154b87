package hk.post.ecert.counter.it.screens;

/**
 * The ids on hkpca/bank.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class BankDeskScreen {

    public static final String APP_FEE = "appFee";
    public static final String APP_HISTORY = "appHistory";
    public static final String APP_REF = "appRef";
    public static final String APP_STATE = "appState";
    public static final String APP_TYPE = "bank:appType";
    public static final String ARTICLE = "bank:article";
    public static final String AR_DOC_NUMBER = "bank:arDocNumber";
    public static final String AR_EMAIL = "bank:arEmail";
    public static final String AR_HISTORY = "arHistory";
    public static final String AR_NAME = "bank:arName";
    public static final String AR_PHONE = "bank:arPhone";
    public static final String AR_TITLE = "bank:arTitle";
    public static final String AUTHENTICATE = "bank:authenticate";
    public static final String AUTH_DOC_NUMBER = "bank:authDocNumber";
    public static final String AUTH_DONE = "authDone";
    public static final String BANK_CERTS = "bankCerts";
    public static final String BANK_CODE = "bank:bankCode";
    public static final String BANK_VIEW = "bankView";
    public static final String CASH = "bank:cash";
    public static final String CHECK_POSTAL = "bank:checkPostal";
    public static final String CURRENT_AR = "currentAr";
    public static final String DISPATCH = "bank:dispatch";
    public static final String DOCS_DONE = "docsDone";
    public static final String MESSAGES = "bank:messages";
    public static final String NEW_AR_AUTHORISATION = "bank:newArAuthorisation";
    public static final String NOTICE_RECEIVED = "bank:noticeReceived";
    public static final String PAID_DONE = "paidDone";
    public static final String PAY = "bank:pay";
    public static final String RECEIVE = "bank:receive";
    public static final String RENEWED_CERTIFICATE_PEM = "renewedCertificatePem";
    public static final String RENEWED_SERIAL = "renewedSerial";
    public static final String RENEW_SERIAL = "bank:renewSerial";
    public static final String RENEW_YEARS = "bank:renewYears";
    public static final String REQUEST_REVOCATION = "bank:requestRevocation";
    public static final String RESUME = "bank:resume";
    public static final String RESUME_REF = "bank:resumeRef";
    public static final String REVOCATIONS = "revocations";
    public static final String REVOKE_AR = "bank:revokeAr";
    public static final String REVOKE_ON = "bank:revokeOn";
    public static final String REVOKE_REASON = "bank:revokeReason";
    public static final String REVOKE_SERIAL = "bank:revokeSerial";
    public static final String SHOW = "bank:show";
    public static final String SUBMIT = "bank:submit";
    public static final String TO_CAPTURE = "bank:toCapture";
    public static final String UNIT_NAME = "bank:unitName";

    private BankDeskScreen() {
    }
}
