package hk.post.ecert.counter.interfaces.web;

import java.util.ResourceBundle;

/** Screen texts that are chosen in code (typed device reasons). */
final class Messages {

    static final String BUNDLE = "hk.post.ecert.counter.interfaces.web.messages";

    private Messages() {
    }

    static ResourceBundle bundle(java.util.Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** The clerk's message for a device's typed reason in this language, or the code itself. */
    static String fault(java.util.Locale locale, String reason) {
        return fault(bundle(locale), reason);
    }

    static String fault(ResourceBundle bundle, String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String key = "fault." + reason;
        return bundle.containsKey(key) ? bundle.getString(key) : reason;
    }
}
