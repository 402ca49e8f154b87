package hk.post.ecert.counter.domain.model;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/**
 * Text that a person types and that the counter keeps, shows and prints (a reason, a drawee bank, a name, a contact
 * line). It holds no C0 or C1 control character and no DEL — a receipt printer would obey them as commands (ESC p
 * opens the drawer) and a screen or log would hide them — and it is no longer than its field allows (issue 31,
 * finding 5). A refusal names the field in both languages; nothing is recorded.
 */
public final class FreeText {

    /** A reason for a void, refund, correction or rejection. */
    public static final int REASON = 500;
    /** A name: a drawee bank, a person, an organisation. */
    public static final int NAME = 120;

    private FreeText() {
    }

    /** {@code value} unchanged when it is acceptable (null and blank pass: whether a field is required is its owner's rule). */
    public static String check(Bilingual field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (control(c) && !(c == '\n' && maxLength >= REASON)) {
                throw new Refused(field, new Bilingual("may not contain control characters", "不可包含控制字元"));
            }
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new Refused(field, new Bilingual("is longer than " + maxLength + " characters", "超過 " + maxLength + " 個字元"));
        }
        return value;
    }

    /** C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). */
    public static boolean control(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Why a text was refused, in both languages. */
    public static final class Refused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final transient Bilingual message;

        Refused(Bilingual field, Bilingual why) {
            super("The " + field.en() + " " + why.en() + ".");
            this.message = new Bilingual("The " + field.en() + " " + why.en() + ".", field.zh() + why.zh() + "。");
        }

        public Bilingual bilingual() {
            return message;
        }
    }
}
