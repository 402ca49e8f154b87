package hk.post.ecert.counter.it.screens;

/**
 * The ids on login.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class LoginScreen {

    public static final String FIRST_START = "firstStart";
    public static final String J_PASSWORD = "j_password";
    public static final String J_USERNAME = "j_username";
    public static final String LOGIN_BUTTON = "loginButton";
    /** The login page's own language link (its form is {@code lang}). */
    public static final String LANG_ZH = "lang:langZh";

    private LoginScreen() {
    }
}
