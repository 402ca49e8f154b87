package hk.post.ecert.counter.domain.model.identity;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hong Kong Identity Card number, e.g. {@code A123456(7)}: one or two letters, six digits and a check digit
 * (0–9 or A). Personal data: {@link #toString()} and {@link #masked()} show only {@code A123***(*)}; the full number
 * is available to the screens that need it through {@link #full()}.
 */
public final class Hkid {

    private static final Pattern FORM = Pattern.compile("([A-Z]{1,2})([0-9]{6})\\(?([0-9A])\\)?");

    private final String letters;
    private final String digits;
    private final char check;

    private Hkid(String letters, String digits, char check) {
        this.letters = letters;
        this.digits = digits;
        this.check = check;
    }

    /**
     * Parses and validates a number as typed at the counter (spaces, brackets and case do not matter).
     *
     * @throws InvalidHkidException with a reason the clerk can act on
     */
    public static Hkid parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidHkidException("HKID number is empty");
        }
        String s = typed.replaceAll("\\s", "").toUpperCase();
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new InvalidHkidException("HKID number must be 1–2 letters, 6 digits and a check digit, e.g. A123456(7)");
        }
        char expected = checkDigit(m.group(1), m.group(2));
        if (m.group(3).charAt(0) != expected) {
            throw new InvalidHkidException("HKID check digit does not match: please check the number on the card");
        }
        return new Hkid(m.group(1), m.group(2), expected);
    }

    /** The check digit of the HKID scheme: weights 9..2 over the (space-padded) letters and digits, mod 11. */
    static char checkDigit(String letters, String digits) {
        int sum = 0;
        String padded = (letters.length() == 1 ? " " : "") + letters + digits;
        for (int i = 0; i < 8; i++) {
            char c = padded.charAt(i);
            int value = c == ' ' ? 36 : Character.isLetter(c) ? c - 'A' + 10 : c - '0';
            sum += value * (9 - i);
        }
        int r = 11 - sum % 11;
        return r == 11 ? '0' : r == 10 ? 'A' : (char) ('0' + r);
    }

    /**
     * {@code A123***(*)}: for receipts, logs and every screen that does not need the number. The check digit is hidden
     * too: shown, it would cut the 1,000 candidates for the hidden digits to about 91 (issue 31, finding 7).
     */
    public String masked() {
        return letters + digits.substring(0, 3) + "***(*)";
    }

    /** The whole number, {@code A123456(7)}: only for the identity step, where the clerk compares it with the card. */
    public String full() {
        return letters + digits + "(" + check + ")";
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hkid h && h.letters.equals(letters) && h.digits.equals(digits) && h.check == check;
    }

    @Override
    public int hashCode() {
        return Objects.hash(letters, digits, check);
    }
}
