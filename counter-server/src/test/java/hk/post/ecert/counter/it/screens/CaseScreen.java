package hk.post.ecert.counter.it.screens;

/**
 * The ids on cases.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class CaseScreen {

    public static final String ANY_CSR_REF = "anyCsr:anyCsrRef";
    public static final String ANY_CSR_TEXT = "anyCsr:anyCsrText";
    public static final String CASE_FEE = "caseFee";
    public static final String CASH = "case:cash";
    public static final String CERTIFICATE = "case:certificate";
    public static final String CONFIRM_IDENTITY = "case:confirmIdentity";
    public static final String CSR = "case:csr";
    public static final String DELIVERY = "case:delivery";
    public static final String DISPATCH = "case:dispatch";
    public static final String DOB = "case:dob";
    public static final String DOCUMENTS_DONE = "documentsDone";
    public static final String EARLY_RENEWAL = "earlyRenewal";
    public static final String IDENTITY_DONE = "identityDone";
    public static final String ID_NUMBER = "case:idNumber";
    public static final String KIOSK_VALUES = "kioskValues";
    public static final String MEDIUM = "case:medium";
    public static final String MEDIUM_ARTICLE = "case:mediumArticle";
    public static final String MEDIUM_DOWNLOADS = "mediumDownloads";
    public static final String MESSAGES = "case:messages";
    public static final String NAMES = "case:names";
    public static final String NAME_ON_FORM = "case:nameOnForm";
    public static final String NEXT_STEPS_STATUS = "nextStepsStatus";
    public static final String OPEN_CASE = "case:openCase";
    public static final String OPEN_REISSUE = "case:openReissue";
    public static final String OUTSIDE_PASSWORD = "case:outsidePassword";
    public static final String OUTSIDE_REASON = "case:outsideReason";
    public static final String OUTSIDE_SUPERVISOR = "case:outsideSupervisor";
    public static final String PAY = "case:pay";
    public static final String PAYMENT_DONE = "paymentDone";
    public static final String PIN_ARTICLE = "case:pinArticle";
    public static final String PIN_ENVELOPE = "case:pinEnvelope";
    public static final String PRINT_NEXT_STEPS = "case:printNextSteps";
    public static final String REISSUE_NOTE = "reissueNote";
    public static final String RESUME = "case:resume";
    public static final String RESUME_REF = "case:resumeRef";
    public static final String SCAN_DOCUMENTS = "case:scanDocuments";
    public static final String SUBMIT_ANY_CSR = "anyCsr:submitAnyCsr";
    public static final String SUBMIT_CSR = "case:submitCsr";
    public static final String SUBMIT_FOR_VETTING = "case:submitForVetting";
    public static final String TENDERS_0_TENDER = "case:tenders:0:tender";
    public static final String TOKEN_LABEL = "case:tokenLabel";
    public static final String TOKEN_PIN = "case:tokenPin";
    public static final String TYPE = "case:type";
    public static final String VARIANT = "case:variant";
    public static final String WRITE_TOKEN = "case:writeToken";
    public static final String YEARS = "case:years";
    public static final String YEARS_INPUT = "case:years_input";

    private CaseScreen() {
    }
}
