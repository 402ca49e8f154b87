package hk.post.ecert.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Where the journal's migrations live: {@code db/migration} for the tables (any database) and
 * {@code db/vendor/<database>} for the rule that the database itself refuses UPDATE and DELETE.
 */
public final class JournalSchema {

    private JournalSchema() {
    }

    /** {@code classpath:db/vendor/h2} or {@code classpath:db/vendor/postgresql}, from the connection's database. */
    public static String vendorLocation(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "classpath:db/vendor/h2";
        }
        if (product.contains("postgres")) {
            return "classpath:db/vendor/postgresql";
        }
        throw new SQLException("the journal's append-only rule is not written for " + product);
    }
}
