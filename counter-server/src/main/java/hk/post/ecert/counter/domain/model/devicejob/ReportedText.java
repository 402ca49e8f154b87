package hk.post.ecert.counter.domain.model.devicejob;

/**
 * What a terminal reports in words (a job's reason and detail, a device's message) is kept to the length its record
 * holds: a terminal's report that does not fit — an upload's error page, a driver's long message — is cut with an
 * ellipsis rather than refused, because a report that cannot be stored would be sent again and again and hold up
 * every report after it.
 */
public final class ReportedText {

    private ReportedText() {
    }

    /** {@code text} cut to at most {@code max} characters (the last one an ellipsis when it was cut); null stays null. */
    public static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;   // never half a character
        }
        return text.substring(0, end) + "…";
    }
}
