package hk.post.ecert.counter.infrastructure.security;

import hk.post.ecert.counter.application.FirstAdministrator;
import hk.post.ecert.counter.infrastructure.journal.JournalKey;
import hk.post.ecert.counter.infrastructure.keys.KeyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * At start: if no active administrator exists (a production start on an empty database), makes the one-time code for
 * the first administrator in {@code first-administrator.code} beside the server's keys, readable by the owner only,
 * and the server log says where it is (never the code). Demo data (when asked for) seeds its own administrator first.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
public class AdministratorBootstrap {

    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());
    public static final String CODE_FILE = "first-administrator.code";

    @Inject
    FirstAdministrator first;

    @Inject
    JournalKey keys;

    @PostConstruct
    void atStart() {
        if (first.administratorExists()) {
            return;
        }
        String code = first.issueCode();
        Path file = keys.dir().resolve(CODE_FILE);
        KeyFiles.replace(file, (code + "\n").getBytes(StandardCharsets.US_ASCII));
        // the code itself is never logged (issue 31): the log is read by more people than the key directory
        LOG.warning(() -> "FIRST START: no administrator. The one-time code is in " + file + " (readable by the server's"
                + " user only). Open /bootstrap.xhtml and enter it to create the first administrator with your own password."
                + " The code works once.");
    }
}
