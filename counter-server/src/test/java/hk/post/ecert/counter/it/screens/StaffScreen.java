package hk.post.ecert.counter.it.screens;

/**
 * The ids on supervisor/staff.xhtml that the browser tests find, type into, choose from and click. The browser tests'
 * selectors live in {@code screens} (issue 32): an id the page changes is changed here once.
 */
public final class StaffScreen {

    public static final String ADD_STAFF = "staff:addStaff";
    public static final String AUDIT_LINES = "auditLines";
    public static final String KEY_MESSAGES = "receiptKeys:keyMessages";
    public static final String MESSAGES = "staff:messages";
    public static final String NEW_COUNTER = "staff:newCounter";
    public static final String NEW_NAME = "staff:newName";
    public static final String NEW_OFFICE = "staff:newOffice";
    public static final String NEW_PASSWORD = "staff:newPassword";
    public static final String NEW_USERNAME = "staff:newUsername";
    public static final String RECEIPT_KEY_LIST = "receiptKeyList";
    public static final String ROTATE_RECEIPT_KEY = "receiptKeys:rotateReceiptKey";

    private StaffScreen() {
    }
}
