package hk.post.ecert.counter.it.screens;

/**
 * The ids on csr.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class CsrScreen {

    public static final String CSR_CASE = "csrCase";
    public static final String CSR_FILE = "csrFile";
    public static final String CSR_NAMES = "csrNames";
    public static final String LINK_REFUSED = "linkRefused";
    public static final String MESSAGES = "csr:messages";
    public static final String UPLOAD = "csr:upload";

    private CsrScreen() {
    }
}
