package hk.post.ecert.counter.domain.model.glance;

import java.util.List;

/**
 * Something in the office that waits for a person (issue 33): how many, the first few references, and the screen where
 * it is done — one press away from the supervisor's home.
 */
public record ActOn(Kind kind, int count, List<String> refs) {

    /** What waits, and the screen (path of this application) where it is acted on. */
    public enum Kind {
        REFUNDS_OWED("/supervisor/officeday.xhtml#owed"),
        KIOSK_ENQUIRING("/supervisor/officeday.xhtml#kioskUnresolved"),
        RECEIPTS_UNKNOWN("/index.xhtml"),
        CASES_AWAITING_CSR("/cases.xhtml"),
        CASES_AWAITING_COLLECTION("/cases.xhtml"),
        CASES_AWAITING_DISPATCH("/cases.xhtml"),
        NOTICES_UNDELIVERED("/supervisor/officeday.xhtml#undeliveredTitle"),
        FEES_UNCONFIRMED("/admin/fees.xhtml");

        private final String screen;

        Kind(String screen) {
            this.screen = screen;
        }

        public String screen() {
            return screen;
        }

        /** A case is opened on its own screen by its reference. */
        public boolean perCase() {
            return screen.equals("/cases.xhtml");
        }
    }

    public ActOn {
        refs = List.copyOf(refs.subList(0, Math.min(refs.size(), 5)));
    }

    public static ActOn of(Kind kind, List<String> all) {
        return new ActOn(kind, all.size(), all);
    }

    /** Where one press goes: the case itself when there is one case, else the screen. */
    public String target() {
        return kind.perCase() && !refs.isEmpty() ? kind.screen() + "?case=" + refs.get(0) : kind.screen();
    }

    /** Nothing waits of this kind. */
    public boolean clear() {
        return count == 0;
    }
}
