package hk.post.ecert.counter.infrastructure.flyway;

import hk.post.ecert.journal.JournalSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Optional;
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
        // With counter.db.migrate.url/user/password (PostgreSQL in production, issue 31): the owner role migrates,
        // and the server's own role is granted what it may do; without them (embedded H2), the one role migrates.
        var config = Flyway.configure(SchemaMigration.class.getClassLoader()).locations("classpath:db/migration", vendor);
        Flyway flyway = (migrateUrl.isPresent() ? config.dataSource(migrateUrl.get(), migrateUser.orElse(""), migratePassword.orElse(""))
                : config.dataSource(dataSource)).load();
        var result = flyway.migrate();
        LOG.info(() -> "schema at version " + flyway.info().current().getVersion() + " (" + result.migrationsExecuted
                + " migrations applied now" + (migrateUrl.isPresent() ? ", as " + migrateUser.orElse("") : "") + ")");
        if (migrateUrl.isPresent()) {
            grantTheServersRole();
        }
    }

    @Inject
    @ConfigProperty(name = "counter.db.migrate.url")
    Optional<String> migrateUrl;

    @Inject
    @ConfigProperty(name = "counter.db.migrate.user")
    Optional<String> migrateUser;

    @Inject
    @ConfigProperty(name = "counter.db.migrate.password")
    Optional<String> migratePassword;

    private void grantTheServersRole() {
        try (java.sql.Connection runtime = dataSource.getConnection();
             java.sql.Connection owner = java.sql.DriverManager.getConnection(migrateUrl.get(), migrateUser.orElse(""), migratePassword.orElse(""))) {
            String role = runtime.getMetaData().getUserName();
            if (role.equals(owner.getMetaData().getUserName())) {
                LOG.warning(() -> "the server runs as the role that owns the tables (" + role + "): it could alter the journal's"
                        + " triggers. Give it a role of its own (README, PostgreSQL).");
                return;
            }
            JournalSchema.grantRuntimeRole(owner, role);
            LOG.info(() -> "the server's role " + role + " may read and write the counter's tables, and only insert into the append-only ones");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot grant the server's role its rights", e);
        }
    }
}
