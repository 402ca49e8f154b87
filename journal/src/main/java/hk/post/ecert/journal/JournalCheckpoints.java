package hk.post.ecert.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Signed checkpoints: at each office day close the tip of every counter's chain is signed (Ed25519) with the
 * journal key, so a later rewrite of the whole chain from that point back cannot go unnoticed.
 */
public final class JournalCheckpoints {

    private JournalCheckpoints() {
    }

    /** Signs the current tip of a counter's chain (inside the caller's transaction); does nothing for an empty chain. */
    public static void checkpoint(Connection c, String counter, KeyPair key, String keyId) throws SQLException {
        long seq;
        String hash;
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq, last_hash FROM journal_head WHERE counter_code = ? FOR UPDATE")) {
            s.setString(1, counter);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return;
                }
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
        }
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM journal_checkpoint WHERE counter_code = ? AND seq = ?")) {
            exists.setString(1, counter);
            exists.setLong(2, seq);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;   // already checkpointed at this tip
                }
            }
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO journal_checkpoint (counter_code, seq, entry_hash, signed_at,"
                + " key_id, signature) VALUES (?,?,?,?,?,?)")) {
            ins.setString(1, counter);
            ins.setLong(2, seq);
            ins.setString(3, hash);
            ins.setTimestamp(4, Timestamp.from(at));
            ins.setString(5, keyId);
            ins.setString(6, sign(key, counter, seq, hash, at));
            ins.executeUpdate();
        }
    }

    /** A signed checkpoint as stored. */
    public record Checkpoint(String counter, long seq, String entryHash, Instant signedAt, String keyId, String signature) {
    }

    /** The newest checkpoint of a counter's chain, if it has one. */
    public static java.util.Optional<Checkpoint> latest(Connection c, String counter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, entry_hash, signed_at, key_id, signature FROM journal_checkpoint"
                + " WHERE counter_code = ? ORDER BY seq DESC")) {
            s.setString(1, counter);
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Checkpoint(counter, rs.getLong(1), rs.getString(2).trim(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5))) : java.util.Optional.empty();
            }
        }
    }

    static byte[] message(String counter, long seq, String hash, Instant at) {
        return ("ecert-counter-journal-checkpoint-v1\n" + counter + "\n" + seq + "\n" + hash + "\n" + at.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8);
    }

    static String sign(KeyPair key, String counter, long seq, String hash, Instant at) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(message(counter, seq, hash, at));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(PublicKey key, String counter, long seq, String hash, Instant at, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message(counter, seq, hash.trim(), at));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
