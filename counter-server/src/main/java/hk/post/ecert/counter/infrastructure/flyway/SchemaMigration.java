package hk.post.ecert.counter.infrastructure.flyway;

import hk.post.ecert.journal.JournalSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration} before anything else
 * runs. The same scripts serve H2 (embedded default) and PostgreSQL (production).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        // Flyway scans with the thread context class loader; inside Payara that is the application's, which can
        // see WEB-INF/classes/db/migration.
        String vendor;
        try (java.sql.Connection c = dataSource.getConnection()) {
            vendor = JournalSchema.vendorLocation(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the counter database", e);
        }
        // Tables for every database in db/migration; database-specific rules (the journal's append-only triggers)
        // in db/vendor/<database>.
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", vendor)
                .load();
        var result = flyway.migrate();
        LOG.info(() -> "schema at version " + flyway.info().current().getVersion() + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
