package hk.post.ecert.counter.interfaces.web;

import java.util.ResourceBundle;

/** Screen texts that are chosen in code (typed device reasons). */
final class Messages {

    static final String BUNDLE = "hk.post.ecert.counter.interfaces.web.messages";

    private Messages() {
    }

    static String fault(ResourceBundle bundle, String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String key = "fault." + reason;
        return bundle.containsKey(key) ? bundle.getString(key) : reason;
    }
}
