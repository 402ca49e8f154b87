package hk.post.ecert.counter.infrastructure.receipt;

import jakarta.inject.Inject;
import hk.post.ecert.journal.JournalEntry;
import hk.post.ecert.journal.Journal;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** What a receipt check reads back: the journal entry a receipt was recorded as, and whether its sale was reversed since. */
@ApplicationScoped
public class ReceiptRecords {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    /** The hash (hex) of entry {@code seq} on a counter's chain, if there is one. */
    public Optional<String> entryHash(String counter, long seq) {
        try (Connection c = dataSource.getConnection()) {
            return Journal.entry(c, counter, seq).map(JournalEntry::hash);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal", e);
        }
    }

    /** VOID or REFUND when the sale with this transaction number was reversed. */
    public Optional<String> reversalOf(String saleTransactionNo) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT r.kind FROM sale_reversal r JOIN sale s ON s.payment_id = r.payment_id"
                     + " WHERE s.transaction_no = ?")) {
            s.setString(1, saleTransactionNo);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sales", e);
        }
    }
}
