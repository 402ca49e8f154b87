package hk.post.ecert.counter.domain.model.catalogue;

import java.util.Locale;

/** A text in English and Traditional Chinese (Hong Kong). */
public record Bilingual(String en, String zh) {

    public static final Bilingual NONE = new Bilingual("", "");

    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) && !zh.isEmpty() ? zh : en;
    }

    /** Both languages on one line, English first, as receipts print them. */
    public String both() {
        return zh.isEmpty() || zh.equals(en) ? en : en + " " + zh;
    }
}
