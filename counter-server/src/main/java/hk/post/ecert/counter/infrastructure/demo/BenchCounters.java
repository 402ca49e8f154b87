package hk.post.ecert.counter.infrastructure.demo;

import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.application.TerminalEnrolment;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
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

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * BENCH data for {@code bin/bench counter-flow}, only when {@code counter.bench.counters} is set: that many clerks
 * ({@code bench001} … with password {@code Bench#2026}) at office BEN, each at its own counter with an enrolled
 * terminal, {@code counter.bench.subscribers} (ten unless set) e-Cert (Personal) subscribers per counter whose
 * subscriptions can be extended, and one supervisor of the office ({@code benchsup}, the same password) who approves
 * voids. With {@code counter.bench.offices} set to {@code n}, the first {@code 8 × n} counters are spread over {@code n}
 * offices of eight ({@code BEN001} …), as a post office network is; the rest stay at BEN. With
 * {@code counter.bench.renewals} set, each counter also has that many e-Cert (Personal) subscribers due for renewal
 * ({@code SRN-R-<counter><n>}, each number of three digits; on record the HKID {@code R<counter><n>} with its check digit
 * and the date of birth {@code 1960-01-01} plus {@code 1000 × counter + n} days)
 * and an HKPCA officer ({@code benchofficer}) vets their cases — another person than the clerk who prepared them.
 */
@Singleton
@Startup
@DependsOn("RegistryDemoData")
public class BenchCounters {

    private static final Logger LOG = Logger.getLogger(BenchCounters.class.getName());

    @Inject
    @ConfigProperty(name = "counter.bench.counters", defaultValue = "0")
    int counters;

    /**
     * When set, each BENCH terminal waits for a real terminal agent to enrol with {@code <code>-<nnn>} (e.g. the
     * cluster failover test); otherwise it is enrolled with a throw-away key and its jobs stay pending.
     */
    @Inject
    @ConfigProperty(name = "counter.bench.enrolment-code")
    java.util.Optional<String> enrolmentCode;

    @Inject
    @ConfigProperty(name = "counter.bench.subscribers", defaultValue = "10")
    int subscribers;

    /** Offices of eight counters each for the first counters (the network load of {@code bin/bench scale}); 0: all at BEN. */
    @Inject
    @ConfigProperty(name = "counter.bench.offices", defaultValue = "0")
    int offices;

    static final int COUNTERS_PER_OFFICE = 8;

    /** e-Cert (Personal) subscribers due for renewal per counter (the chaos benchmark's token renewals); none unless set. */
    @Inject
    @ConfigProperty(name = "counter.bench.renewals", defaultValue = "0")
    int renewals;

    @Inject
    StaffDirectory staff;

    @Inject
    TerminalRepository terminals;

    @Inject
    PasswordHashing passwords;

    @Inject
    SubscriberRegistry registry;

    @PostConstruct
    void seed() {
        if (counters <= 0 || staff.find("bench001").isPresent()) {
            return;
        }
        String hash = passwords.hash("Bench#2026".toCharArray());
        String publicKey;
        try {
            publicKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        LocalDate today = registry.today();
        staff.add(new StaffMember("benchsup", "BENCH supervisor", hash, "BEN", "B001"), Set.of(Role.SUPERVISOR, Role.CLERK));
        for (int i = 1; i <= counters; i++) {
            String n = String.format("%03d", i);
            String office = officeOf(i, offices);
            staff.add(new StaffMember("bench" + n, "BENCH clerk " + n, hash, office, "B" + n), Set.of(Role.CLERK));
            Terminal t = new Terminal("BEN-B" + n, office, "B" + n);
            if (enrolmentCode.isPresent()) {
                t.allowEnrolment(TerminalEnrolment.hashCode(enrolmentCode.get() + "-" + n),
                        Instant.now().plus(java.time.Duration.ofDays(1)), "bench-seed");
            } else {
                t.enrolmentWasCompleted(publicKey, Instant.now());
            }
            terminals.add(t);
            for (int j = 1; j <= subscribers; j++) {
                String sub = j < 100 ? String.format("%03d%02d", i, j) : String.format("%03d%d", i, j);
                registry.register(new SubscriberCertificate("be" + sub, "SRN-B-" + sub,
                        "PERSONAL", "STANDARD", "2-17", "BENCH SUBSCRIBER " + n + j, null, null, today.minusYears(1),
                        today.plusYears(2), today.plusDays(30), CertificateStatus.ACTIVE, "ecert-file-usb", null, false), Optional.empty());
            }
        }
        if (renewals > 0) {
            staff.add(new StaffMember("benchofficer", "BENCH HKPCA officer", hash, "HKPCA", "BO01"), Set.of(Role.HKPCA_OFFICER));
            for (int i = 1; i <= counters; i++) {
                for (int j = 1; j <= renewals; j++) {
                    String srn = String.format("SRN-R-%03d%03d", i, j);
                    String serial = String.format("bf%03d%03d", i, j);
                    Hkid hkid = RegistryDemoData.valid(renewalHkidStem(i, j));
                    registry.register(new SubscriberCertificate(serial, srn, "PERSONAL", "STANDARD", "2-17",
                            "BENCH RENEWAL " + i + " " + j, hkid.masked(), null, today.plusDays(10).minusYears(3), today.plusDays(10),
                            today.plusDays(10), CertificateStatus.ACTIVE, "ecert-file-usb", null, false), Optional.of(hkid));
                    registry.recordDateOfBirth(serial, renewalDateOfBirth(i, j));
                }
            }
        }
        LOG.info(() -> "BENCH data: " + counters + " counters, clerks bench001…, " + counters * subscribers + " subscribers, supervisor benchsup"
                + (offices > 0 ? ", the first " + offices * COUNTERS_PER_OFFICE + " in " + offices + " offices of eight" : ""));
    }

    private static String renewalHkidStem(int counter, int n) {
        return String.format("R%03d%03d", counter, n);
    }

    /** The date of birth on record for BENCH renewal subscriber {@code n} of counter {@code counter} (both from 1). */
    static LocalDate renewalDateOfBirth(int counter, int n) {
        return LocalDate.of(1960, 1, 1).plusDays(counter * 1000L + n);
    }

    /** The office of BENCH counter {@code i} (from 1). */
    static String officeOf(int i, int offices) {
        return i <= offices * COUNTERS_PER_OFFICE ? String.format("BEN%03d", (i - 1) / COUNTERS_PER_OFFICE + 1) : "BEN";
    }
}
