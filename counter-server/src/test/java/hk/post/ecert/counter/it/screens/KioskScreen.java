package hk.post.ecert.counter.it.screens;

/**
 * The ids on kiosk/index.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class KioskScreen {

    public static final String CHECK = "k:check";
    public static final String DONE = "k:done";
    public static final String FINISH = "k:finish";
    public static final String FOUND_SRN = "foundSrn";
    public static final String FOUND_SUBSCRIPTION = "foundSubscription";
    public static final String ID_NUMBER = "k:idNumber";
    public static final String LANG_EN = "k:langEn";
    public static final String LANG_ZH = "k:langZh";
    public static final String MSGS = "k:msgs";
    public static final String NEXT_STEP = "nextStep";
    public static final String NUMBER = "k:number";
    public static final String PAY = "k:pay";
    public static final String PAYMENT_STATUS = "paymentStatus";
    public static final String PREPARE = "k:prepare";
    public static final String PRINT_TICKET = "k:printTicket";
    public static final String START_CHECK = "k:startCheck";
    public static final String TICKET_DONE = "k:ticketDone";
    public static final String TICKET_NUMBER = "ticketNumber";

    private KioskScreen() {
    }
}
