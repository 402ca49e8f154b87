package hk.post.ecert.bench.security;

import hk.post.ecert.bench.cluster.Postgres;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 31, finding 13, on a real PostgreSQL: the owner role migrates and owns the tables; the server's role, as
 * granted after the migration ({@link JournalSchema#grantRuntimeRole}), appends to the journal but is refused
 * {@code ALTER TABLE … DISABLE TRIGGER}, {@code UPDATE}, {@code DELETE} and {@code TRUNCATE} on it.
 */
class RuntimeRoleTest {

    @Test
    void theServersRoleAppendsToTheJournalAndCanNeitherChangeItNorDisableItsTriggers() throws Exception {
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(Postgres.bin().isPresent(), "PostgreSQL is required here (bin/test installs postgresql)");
        }
        Assumptions.assumeTrue(Postgres.bin().isPresent(), "PostgreSQL is not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Postgres pg = Postgres.start(port)) {
            Flyway.configure().dataSource(pg.jdbcUrl(), Postgres.OWNER, Postgres.OWNER_PASSWORD)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
            try (Connection owner = pg.connectAsOwner()) {
                JournalSchema.grantRuntimeRole(owner, Postgres.USER);
            }
            try (Connection server = pg.connect()) {
                server.setAutoCommit(false);
                new Journal().append(server, "GPO-C01", "SALE", 4800, "clerk1", "{\"payment\":\"P-1\"}");
                server.commit();
                server.setAutoCommit(true);
                for (String attack : new String[]{"ALTER TABLE journal_entry DISABLE TRIGGER ALL",
                        "ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_append_only",
                        "UPDATE journal_entry SET amount_cents = 0", "DELETE FROM journal_entry", "TRUNCATE journal_entry",
                        "DROP TRIGGER journal_entry_append_only ON journal_entry", "UPDATE journal_checkpoint SET signature = NULL",
                        "DELETE FROM flyway_schema_history"}) {
                    SQLException refused = assertThrows(SQLException.class, () -> {
                        try (Statement s = server.createStatement()) {
                            s.execute(attack);
                        }
                    }, attack);
                    // 42501 insufficient_privilege; 42501 too for "must be owner of table"
                    assertEquals("42501", refused.getSQLState(), attack + ": " + refused.getMessage());
                }
                try (Statement s = server.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM journal_entry")) {
                    rs.next();
                    assertEquals(1, rs.getLong(1), "the server reads the journal");
                }
            }
        }
    }
}
