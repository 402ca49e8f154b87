package hk.post.ecert.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over an unambiguous encoding of an entry's fields (each length-prefixed) followed by
 * the previous entry's hash. Time is hashed in milliseconds, which every database keeps exactly.
 */
public final class JournalHash {

    public static final String GENESIS = "0".repeat(64);

    /**
     * One digest and one scratch buffer per thread: a verifier hashes a million entries, and looking up the provider
     * (or making the small buffers for the numbers) each time shows.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private static final class Hasher {
        final MessageDigest sha;
        final ByteBuffer numbers = ByteBuffer.allocate(24);

        Hasher() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void field(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            numbers.clear();
            sha.update(numbers.putInt(b.length).array(), 0, 4);
            sha.update(b);
        }
    }

    private JournalHash() {
    }

    public static String of(String counter, long seq, Instant recordedAt, String kind, long amountCents, String actor,
                            String payload, String prevHash) {
        return HexFormat.of().formatHex(digest(counter, seq, recordedAt, kind, amountCents, actor, payload, prevHash));
    }

    /**
     * Whether the entry's recorded hash is its content's: the digest is compared with the hex text as it stands,
     * without writing the digest out as text first (the verifier does this a million times).
     */
    public static boolean matches(JournalEntry e) {
        byte[] d = digest(e.counter(), e.seq(), e.recordedAt(), e.kind(), e.amountCents(), e.actor(), e.payload(), e.prevHash());
        String hex = e.hash();
        if (hex == null || hex.length() != d.length * 2) {
            return false;
        }
        for (int i = 0; i < d.length; i++) {
            if (hex.charAt(2 * i) != HEX[(d[i] >> 4) & 0xf] || hex.charAt(2 * i + 1) != HEX[d[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static byte[] digest(String counter, long seq, Instant recordedAt, String kind, long amountCents, String actor,
                                 String payload, String prevHash) {
        Hasher h = HASHER.get();
        MessageDigest sha = h.sha;
        sha.reset();
        h.field(counter);
        h.numbers.clear();
        sha.update(h.numbers.putLong(seq).putLong(recordedAt.toEpochMilli()).putLong(amountCents).array(), 0, 24);
        h.field(kind);
        h.field(actor);
        h.field(payload);
        h.field(prevHash);
        return sha.digest();
    }

    public static String of(JournalEntry e) {
        return of(e.counter(), e.seq(), e.recordedAt(), e.kind(), e.amountCents(), e.actor(), e.payload(), e.prevHash());
    }
}
