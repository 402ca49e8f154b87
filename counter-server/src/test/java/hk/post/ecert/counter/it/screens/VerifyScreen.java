package hk.post.ecert.counter.it.screens;

/**
 * The ids on verify.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class VerifyScreen {

    public static final String SAYS_KIND = "saysKind";
    public static final String SAYS_NUMBER = "saysNumber";
    public static final String SAYS_TOTAL = "saysTotal";
    public static final String VERDICT = "verdict";

    private VerifyScreen() {
    }
}
