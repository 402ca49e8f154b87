package hk.post.ecert.counter.it.screens;

/**
 * The ids on bootstrap.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class BootstrapScreen {

    public static final String AGAIN = "boot:again";
    public static final String CODE = "boot:code";
    public static final String CREATE = "boot:create";
    public static final String DISPLAY_NAME = "boot:displayName";
    public static final String MESSAGES = "boot:messages";
    public static final String NOT_PENDING = "notPending";
    public static final String PASSWORD = "boot:password";
    public static final String USERNAME = "boot:username";

    private BootstrapScreen() {
    }
}
