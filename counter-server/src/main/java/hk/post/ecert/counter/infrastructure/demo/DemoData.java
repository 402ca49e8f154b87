package hk.post.ecert.counter.infrastructure.demo;

import hk.post.ecert.counter.application.pos.FeeSettings;

import hk.post.ecert.counter.application.TerminalEnrolment;
import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.counter.infrastructure.security.PasswordHashing;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Demo staff accounts and one counter PC waiting to be enrolled, for {@code bin/run} and the tests. Seeded once:
 * a second start keeps whatever the first start (and the people using it) left behind. Off in production
 * ({@code counter.demo=false}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public static final String OFFICE = "GPO";
    public static final String COUNTER = "C01";
    public static final String TERMINAL = "GPO-C01";

    @Inject
    @ConfigProperty(name = "counter.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "counter.demo.enrolment-code", defaultValue = "DEMO-ENROL-GPO-C01")
    String demoEnrolmentCode;

    @Inject
    StaffDirectory staff;

    @Inject
    TerminalRepository terminals;

    @Inject
    PasswordHashing passwords;

    @Inject
    @ConfigProperty(name = "counter.demo.desk-enrolment-code", defaultValue = "DEMO-ENROL-HKPCA-D01")
    String deskEnrolmentCode;

    /** The DEMO self-service kiosk in the GPO's hall. */
    public static final String KIOSK = "GPO-K01";

    @Inject
    @ConfigProperty(name = "counter.demo.kiosk-enrolment-code", defaultValue = "DEMO-ENROL-GPO-K01")
    String kioskEnrolmentCode;

    @Inject
    FeeSettings fees;

    @PostConstruct
    void seed() {
        if (!demo) {
            return;
        }
        if (staff.find("desk1").isEmpty()) {
            // HKPCA's Bank-Cert desk: an officer who receives applications and takes the fee at the desk's till
            staff.add(new StaffMember("desk1", "Kwok Wai Ling (DEMO HKPCA desk officer)", demoHash("Desk#2026"),
                    "HKPCA", "D01"), Set.of(Role.HKPCA_OFFICER, Role.CLERK));
            Terminal d = new Terminal("HKPCA-D01", "HKPCA", "D01");
            d.allowEnrolment(TerminalEnrolment.hashCode(deskEnrolmentCode), Instant.now().plus(Duration.ofDays(3650)), "demo-seed");
            terminals.add(d);
            LOG.info("DEMO HKPCA desk seeded: staff desk1; terminal HKPCA-D01 awaiting enrolment");
        }
        if (terminals.find(KIOSK).isEmpty()) {
            // a self-service kiosk in the GPO's hall (issue 17): its own counter code (its till and journal chain),
            // a receipt printer and a simulated EPS device
            Terminal k = new Terminal(KIOSK, OFFICE, "K01", Terminal.Kind.KIOSK);
            k.allowEnrolment(TerminalEnrolment.hashCode(kioskEnrolmentCode), Instant.now().plus(Duration.ofDays(3650)), "demo-seed");
            terminals.add(k);
            LOG.info("DEMO kiosk " + KIOSK + " awaiting enrolment");
        }
        if (staff.find("clerk3").isEmpty()) {
            // another office, to show (and test) that staff act only for their own office
            staff.add(new StaffMember("clerk3", "Yip Ka Wai (DEMO clerk, Kowloon Central)", demoHash("Clerk#2026"),
                    "KCPO", "C01"), Set.of(Role.CLERK));
            staff.add(new StaffMember("super2", "Fung Hoi Ling (DEMO supervisor, Kowloon Central)", demoHash("Super#2026"),
                    "KCPO", "C01"), Set.of(Role.SUPERVISOR, Role.CLERK));
            LOG.info("DEMO Kowloon Central staff seeded: clerk3, super2");
        }
        if (staff.find("clerk1").isPresent()) {
            confirmPublishedFees();
            return;
        }
        add("clerk1", "Chan Tai Man (DEMO clerk)", "Clerk#2026", COUNTER, Role.CLERK);
        add("clerk2", "Wong Siu Ming (DEMO clerk)", "Clerk#2026", "C02", Role.CLERK);
        add("super1", "Lee Ka Yan (DEMO supervisor)", "Super#2026", COUNTER, Role.SUPERVISOR, Role.CLERK);
        add("officer1", "Ho Wing Sze (DEMO HKPCA officer)", "Officer#2026", null, Role.HKPCA_OFFICER);
        add("admin", "DEMO administrator", "Admin#2026", null, Role.ADMIN, Role.SUPERVISOR);
        Terminal t = new Terminal(TERMINAL, OFFICE, COUNTER);
        t.allowEnrolment(TerminalEnrolment.hashCode(demoEnrolmentCode), Instant.now().plus(Duration.ofDays(3650)), "demo-seed");
        terminals.add(t);
        LOG.info("DEMO data seeded: staff clerk1, clerk2, super1, officer1, admin; terminal " + TERMINAL + " awaiting enrolment");
        confirmPublishedFees();
    }

    /**
     * Issue 29: a published fee is charged once an administrator confirms it against its source; the demo's
     * administrator confirms the data file's own figures, so the demo charges them from the first day.
     */
    private void confirmPublishedFees() {
        fees.unconfirmed().forEach(r -> fees.confirm(r.itemCode(), r.years(), r.effectiveFrom(), "admin"));
    }

    /** Each DEMO password's hash, made once for the accounts that share it. */
    private final Map<String, String> demoHashes = new HashMap<>();

    /**
     * A DEMO password's hash, made once per start for every account with that password (one salt for them), as
     * {@link BenchCounters} hashes its clerks' one password: the DEMO passwords are published, and each PBKDF2 hash took
     * about 0.8 s of CPU on a JVM with C1 alone (the test servers) and 0.1 s with both compilers.
     */
    private String demoHash(String password) {
        return demoHashes.computeIfAbsent(password, p -> passwords.hash(p.toCharArray()));
    }

    private void add(String user, String name, String password, String counter, Role... roles) {
        staff.add(new StaffMember(user, name, demoHash(password), OFFICE, counter), Set.of(roles));
    }
}
