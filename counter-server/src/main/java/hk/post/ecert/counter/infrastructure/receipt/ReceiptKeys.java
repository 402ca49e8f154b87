package hk.post.ecert.counter.infrastructure.receipt;

import hk.post.ecert.counter.infrastructure.journal.JournalKey;
import hk.post.ecert.counter.infrastructure.keys.KeyFiles;
import hk.post.ecert.journal.receipt.ReceiptKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The receipt keys: Ed25519 pairs named R1, R2, … One is active and signs every receipt's QR statement; rotation makes
 * the next one active and retires the old, which still verifies what it signed. One key set for the whole service —
 * every instance of a cluster shares it: the private halves are files made once in the server's key directory
 * ({@code receipt-keys/R<n>.p8}, owner-read only, beside the journal key), the public halves and their status are rows
 * in {@code receipt_key}. In production the key directory is the one secret store the service already has (see the
 * README's "Trust" section).
 */
@ApplicationScoped
public class ReceiptKeys {

    private static final Logger LOG = Logger.getLogger(ReceiptKeys.class.getName());

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Inject
    JournalKey journalKey;

    @Inject
    ReceiptKeyRows rows;

    /** The key that signs now, and its id. */
    public record Signer(String keyId, PrivateKey key) {
    }

    /** One key as published. */
    public record Published(String keyId, String publicKeyBase64, boolean retired, Instant createdAt, Instant retiredAt,
                            Instant compromisedFrom) {
    }

    /** The active key; the first one is made on first use. */
    @Transactional
    public Signer signer() {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> active = active(c);
            if (active.isEmpty()) {
                try {
                    rows.insertActive("R1", 1, lines("R1")[1], "system");
                } catch (RuntimeException madeElsewhere) {
                    // another instance (or another first sale) recorded R1 first: its row is the row
                    LOG.fine(() -> "receipt key R1 was recorded meanwhile: " + madeElsewhere.getMessage());
                }
                active = active(c);
            }
            String id = active.orElseThrow(() -> new IllegalStateException("no active receipt key"));
            return new Signer(id, privateKey(id));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt keys", e);
        }
    }

    /** Makes the next key active and retires the one that signed until now. */
    @Transactional
    public String rotate(String by) {
        try (Connection c = dataSource.getConnection()) {
            int next;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM receipt_key");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                next = rs.getInt(1) + 1;
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE receipt_key SET status = 'RETIRED', retired_at = ? WHERE status = 'ACTIVE'")) {
                u.setTimestamp(1, Timestamp.from(Instant.now()));
                u.executeUpdate();
            }
            String id = make(c, next, by);
            destroyRetired(c);
            LOG.info(() -> "receipt key " + id + " made active by " + by);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rotate the receipt keys", e);
        }
    }

    /**
     * Declares a key compromised from a time (issue 31): nothing it signed from then verifies as genuine. When it is
     * the active key, the next key is made active. The private half is destroyed.
     */
    @Transactional
    public void compromised(String keyId, Instant from, String by) {
        try (Connection c = dataSource.getConnection()) {
            boolean wasActive = active(c).filter(keyId::equals).isPresent();
            try (PreparedStatement u = c.prepareStatement("UPDATE receipt_key SET status = 'COMPROMISED', compromised_from = ?,"
                    + " retired_at = COALESCE(retired_at, ?) WHERE key_id = ?")) {
                u.setTimestamp(1, Timestamp.from(from));
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, keyId);
                if (u.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no receipt key " + keyId);
                }
            }
            if (wasActive) {
                rotate(by);
            }
            destroyRetired(c);
            LOG.warning(() -> "receipt key " + keyId + " declared compromised from " + from + " by " + by);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark receipt key " + keyId, e);
        }
    }

    /** A retired key never signs again: its private half is destroyed (its public half stays published). */
    private void destroyRetired(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT key_id FROM receipt_key WHERE status <> 'ACTIVE'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                privateKeys.remove(id);
                KeyFiles.destroy(journalKey.dir().resolve("receipt-keys").resolve(id + ".p8"));
            }
        }
    }

    /** Every key ever used, oldest first: what {@code /api/receipt-keys} publishes. */
    @Transactional
    public List<Published> published() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT key_id, public_key, status, created_at, retired_at, compromised_from"
                     + " FROM receipt_key ORDER BY seq");
             ResultSet rs = s.executeQuery()) {
            List<Published> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Published(rs.getString(1), rs.getString(2), !"ACTIVE".equals(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt keys", e);
        }
    }

    public ReceiptKeyring keyring() {
        return new ReceiptKeyring(published().stream().map(p -> new ReceiptKeyring.Key(p.keyId(),
                ReceiptKeyring.publicKey(p.publicKeyBase64()), p.retired(), p.retiredAt(), p.compromisedFrom())).toList());
    }

    private static Optional<String> active(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT key_id FROM receipt_key WHERE status = 'ACTIVE' ORDER BY seq DESC");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Makes key R{@code seq}: its file once (every instance ends up with the same pair), then its row. */
    private String make(Connection c, int seq, String by) throws SQLException {
        String id = "R" + seq;
        ReceiptKeyRows.insert(c, id, seq, lines(id)[1], by);
        return id;
    }

    /** The key file's two lines: the PKCS#8 private key and the X.509 public key, base64. */
    private String[] lines(String id) {
        Path f = journalKey.dir().resolve("receipt-keys").resolve(id + ".p8");
        KeyFiles.directory(Optional.of(f.getParent().toString()), "the receipt key directory");
        return KeyFiles.ed25519PairOnce(f);
    }

    /** A key's private half, read from its file once: a key file never changes, and every receipt is signed. */
    private PrivateKey privateKey(String id) {
        return privateKeys.computeIfAbsent(id, k -> {
            try {
                return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines(k)[0])));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read receipt key " + k, e);
            }
        });
    }

    private final java.util.Map<String, PrivateKey> privateKeys = new java.util.concurrent.ConcurrentHashMap<>();
}
