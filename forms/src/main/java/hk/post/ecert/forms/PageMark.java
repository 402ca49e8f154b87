package hk.post.ecert.forms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the QR code on each page of a rendered form says: which case, which form, which page — and a check value,
 * so a misread or hand-made code is not attached to the wrong case. Text form:
 * {@code ECERT1|<case reference>|<form number>|<page>|<check>}.
 */
public record PageMark(String caseReference, FormId form, int page) {

    private static final String PREFIX = "ECERT1";
    private static final Pattern CASE_REFERENCE = Pattern.compile("[A-Z0-9-]{4,40}");

    public PageMark {
        if (!CASE_REFERENCE.matcher(caseReference).matches()) {
            throw new IllegalArgumentException("case reference must be 4–40 of A–Z, 0–9 and '-': " + caseReference);
        }
        if (page < 1 || page > 99) {
            throw new IllegalArgumentException("page 1..99");
        }
    }

    public String encode() {
        String body = PREFIX + "|" + caseReference + "|" + form.number() + "|" + page;
        return body + "|" + check(body);
    }

    /** Reads a page mark; empty when the text is not one of ours or its check value does not match. */
    public static Optional<PageMark> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 5 || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        String body = String.join("|", parts[0], parts[1], parts[2], parts[3]);
        if (!check(body).equals(parts[4])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PageMark(parts[1], FormId.byNumber(parts[2]), Integer.parseInt(parts[3])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** First 8 hex digits of SHA-256 over the body: catches misreads and edits, not a security boundary. */
    private static String check(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
