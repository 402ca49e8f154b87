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

    /** One digest per thread: a verifier hashes a million entries, and looking up the provider each time shows. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private JournalHash() {
    }

    public static String of(String counter, long seq, Instant recordedAt, String kind, long amountCents, String actor,
                            String payload, String prevHash) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        field(sha, counter);
        sha.update(ByteBuffer.allocate(24).putLong(seq).putLong(recordedAt.toEpochMilli()).putLong(amountCents).array());
        field(sha, kind);
        field(sha, actor);
        field(sha, payload);
        field(sha, prevHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    public static String of(JournalEntry e) {
        return of(e.counter(), e.seq(), e.recordedAt(), e.kind(), e.amountCents(), e.actor(), e.payload(), e.prevHash());
    }
}
