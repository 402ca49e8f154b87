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

    /**
     * PostgreSQL with two roles (issue 31, finding 13): the owner migrates and owns every table; the server runs as
     * {@code runtimeRole}, which may read and write the counter's tables but only {@code SELECT} and {@code INSERT} the
     * append-only ones (the journal, its checkpoints and every table guarded by the append-only trigger), and, owning
     * nothing, can alter no table and disable no trigger. Run on the owner's connection after each migration.
     */
    public static void grantRuntimeRole(Connection owner, String runtimeRole) throws SQLException {
        if (!runtimeRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new SQLException("not a plain role name: " + runtimeRole);
        }
        java.util.List<String> appendOnly = new java.util.ArrayList<>();
        try (java.sql.Statement s = owner.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT DISTINCT event_object_table FROM information_schema.triggers"
                     + " WHERE trigger_schema = current_schema() AND action_statement LIKE '%journal_refuse_change%'")) {
            while (rs.next()) {
                appendOnly.add(rs.getString(1));
            }
        }
        try (java.sql.Statement s = owner.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA public TO " + runtimeRole);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + runtimeRole);
            s.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + runtimeRole);
            s.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM " + runtimeRole);
            for (String t : appendOnly) {
                if (!t.matches("[a-z_][a-z0-9_]{0,62}")) {
                    throw new SQLException("not a plain table name: " + t);
                }
                s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + t + " FROM " + runtimeRole);
            }
        }
    }
}
