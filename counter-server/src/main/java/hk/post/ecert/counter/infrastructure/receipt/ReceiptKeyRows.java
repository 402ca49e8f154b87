package hk.post.ecert.counter.infrastructure.receipt;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes a receipt key's row in a transaction of its own: when several instances (or several first sales at once) make
 * the first key together, one insert wins and the others fail alone, without spoiling the sale that asked.
 */
@ApplicationScoped
public class ReceiptKeyRows {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertActive(String keyId, int seq, String publicKey, String by) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, keyId, seq, publicKey, by);
        } catch (SQLException e) {
            throw new IllegalStateException("receipt key " + keyId + " not recorded: " + e.getMessage(), e);
        }
    }

    /** The one statement that records a key as the active one (also used by a rotation, inside its own transaction). */
    static void insert(Connection c, String keyId, int seq, String publicKey, String by) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO receipt_key (key_id, seq, public_key, status, created_at, created_by)"
                + " VALUES (?,?,?,'ACTIVE',?,?)")) {
            ins.setString(1, keyId);
            ins.setInt(2, seq);
            ins.setString(3, publicKey);
            ins.setTimestamp(4, Timestamp.from(Instant.now()));
            ins.setString(5, by);
            ins.executeUpdate();
        }
    }
}
