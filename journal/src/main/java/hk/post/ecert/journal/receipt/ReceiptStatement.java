package hk.post.ecert.journal.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a receipt says about itself, in the few bytes its QR code carries: which kind of receipt, the office, the
 * counter, its number (transaction, slip or office day), when, the total, a digest of its lines, and the journal
 * entry it was recorded as (sequence number and the first 16 bytes of the entry's hash). Nothing personal.
 *
 * @param linesDigest the first 16 bytes of SHA-256 over the lines as {@link #linesDigest(List)} writes them
 * @param journalSeq  the journal entry's sequence number on its counter's chain (0 when nothing is journalled, e.g. a
 *                    referral slip)
 * @param entryHash   the first 16 bytes of that entry's hash (zeros when nothing is journalled)
 */
public record ReceiptStatement(Kind kind, String office, String counter, String number, Instant at, long totalCents,
                               byte[] linesDigest, long journalSeq, byte[] entryHash) {

    /** The kinds of paper that prove themselves. */
    public enum Kind {
        PAYMENT('P'), VOID('V'), REFUND('R'), REFERRAL_SLIP('S'), OFFICE_DAY('Z');

        final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no receipt kind '" + (char) code + "'");
        }
    }

    static final int DIGEST_BYTES = 16;
    private static final byte VERSION = 1;

    public ReceiptStatement {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(at);
        office = Objects.requireNonNull(office);
        counter = Objects.requireNonNull(counter);
        number = Objects.requireNonNull(number);
        if (linesDigest.length != DIGEST_BYTES || entryHash.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("digests are " + DIGEST_BYTES + " bytes");
        }
        linesDigest = linesDigest.clone();
        entryHash = entryHash.clone();
        at = Instant.ofEpochSecond(at.getEpochSecond());
    }

    /** The first 16 bytes of SHA-256 over the receipt's lines, one per line, as printed (description, quantity, amount). */
    public static byte[] linesDigest(List<String> lines) {
        return sha256(String.join("\n", lines)).clone();
    }

    /** The first 16 bytes of a journal entry's hash (64 hex digits); zeros when there is none. */
    public static byte[] entryHash(String hexHash) {
        if (hexHash == null || hexHash.isBlank()) {
            return new byte[DIGEST_BYTES];
        }
        return Arrays.copyOf(HexFormat.of().parseHex(hexHash), DIGEST_BYTES);
    }

    private static byte[] sha256(String s) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement as the bytes that are signed. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(kind.code);
        string(out, office);
        string(out, counter);
        string(out, number);
        out.writeBytes(ByteBuffer.allocate(24).putLong(at.getEpochSecond()).putLong(totalCents).putLong(journalSeq).array());
        out.writeBytes(linesDigest);
        out.writeBytes(entryHash);
        return out.toByteArray();
    }

    static ReceiptStatement decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != VERSION) {
            throw new IllegalArgumentException("unknown statement version");
        }
        Kind kind = Kind.of(in.get());
        String office = string(in);
        String counter = string(in);
        String number = string(in);
        long at = in.getLong();
        long total = in.getLong();
        long seq = in.getLong();
        byte[] lines = new byte[DIGEST_BYTES];
        byte[] entry = new byte[DIGEST_BYTES];
        in.get(lines);
        in.get(entry);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return new ReceiptStatement(kind, office, counter, number, Instant.ofEpochSecond(at), total, lines, seq, entry);
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 255) {
            throw new IllegalArgumentException("too long for a receipt statement: " + s);
        }
        out.write(b.length);
        out.writeBytes(b);
    }

    private static String string(ByteBuffer in) {
        byte[] b = new byte[in.get() & 0xFF];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptStatement r && Arrays.equals(encode(), r.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return kind + " " + number + " " + office + "/" + counter + " " + at + " " + totalCents + " cents, journal #" + journalSeq;
    }
}
