package hk.post.ecert.counter.it.screens;

/**
 * The ids on subscribers.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class SubscribersScreen {

    public static final String APPROVE_REINSTATEMENT = "sub:approveReinstatement";
    public static final String BY = "sub:by";
    public static final String CASH = "sub:cash";
    public static final String CERT_STATUS = "certStatus";
    public static final String EXT_CHANGE = "extChange";
    public static final String EXT_QUOTE = "extQuote";
    public static final String LAPSED = "sub:lapsed";
    public static final String LOOKUP = "sub:lookup";
    public static final String MESSAGES = "sub:messages";
    public static final String NEW_APPLICATION = "newApplication";
    public static final String PAY_EXTEND = "sub:payExtend";
    public static final String REASON = "sub:reason";
    public static final String REINSTATEMENT = "reinstatement";
    public static final String REINSTATE_PASSWORD = "sub:reinstatePassword";
    public static final String REINSTATE_REASON = "sub:reinstateReason";
    public static final String REINSTATE_SUPERVISOR = "sub:reinstateSupervisor";
    public static final String SUBSCRIPTION_END = "subscriptionEnd";
    public static final String VALUE = "sub:value";

    private SubscribersScreen() {
    }
}
