package hk.post.ecert.counter.domain.model.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * What a clerk typed into the one customer search, and which kind of key it is: a Subscriber Reference Number
 * ({@code SRN-…}), an HKID (one or two letters, six digits, a check digit), a Business Registration number (eight
 * digits) or a certificate serial (hexadecimal). Anything else is not a key.
 */
public record CustomerQuery(Kind kind, String value) {

    public enum Kind { SRN, HKID, BR, SERIAL }

    /** The kind of key typed, or empty when it is none of them. */
    public static Optional<CustomerQuery> of(String typed) {
        String v = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.startsWith("SRN-")) {
            return Optional.of(new CustomerQuery(Kind.SRN, v));
        }
        if (v.matches("[A-Z]{1,2}[0-9]{6}\\(?[0-9A]\\)?")) {
            return Optional.of(new CustomerQuery(Kind.HKID, v));
        }
        if (v.matches("[0-9]{8}")) {
            return Optional.of(new CustomerQuery(Kind.BR, v));
        }
        if (v.matches("(0X)?[0-9A-F]+")) {
            return Optional.of(new CustomerQuery(Kind.SERIAL, v));
        }
        return Optional.empty();
    }
}
