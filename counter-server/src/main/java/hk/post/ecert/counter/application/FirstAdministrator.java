package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import hk.post.ecert.counter.domain.model.staff.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A production start has no account with a known password. While no active administrator exists, the server makes
 * a one-time code (written to its log and to an owner-read-only file beside its keys) that lets one person create
 * the first administrator with a password of their own. The code works once; a restart before it is used makes a
 * new one and the old one stops working.
 */
@ApplicationScoped
public class FirstAdministrator {

    /** 20 characters from an alphabet without look-alikes: 100 bits. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why the first administrator was not created; a key of the screens' messages. */
    public static class Refusal extends RuntimeException {
        public Refusal(String messageKey) {
            super(messageKey);
        }
    }

    @Inject
    StaffSecurity security;

    @Inject
    StaffDirectory staff;

    @Inject
    PasswordHasher passwords;

    /** Whether the server is waiting for its first administrator. */
    @Transactional
    public boolean pending() {
        return !security.anyActiveAdministrator() && security.unusedBootstrapCode().isPresent();
    }

    @Transactional
    public boolean administratorExists() {
        return security.anyActiveAdministrator();
    }

    /** Makes a new one-time code (the previous unused one stops working) and returns it, once. */
    @Transactional
    public String issueCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        security.storeBootstrapCode(hash(code.toString()), Instant.now());
        return code.toString();
    }

    @Transactional
    public void create(String code, String username, String displayName, String office, char[] password, char[] again) {
        try {
            if (security.anyActiveAdministrator()) {
                throw new Refusal("bootstrap.notPending");
            }
            String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            if (!user.matches("[a-z0-9._-]{3,32}")) {
                throw new Refusal("bootstrap.badUsername");
            }
            String pw = password == null ? "" : new String(password);
            if (pw.length() < 12 || pw.toLowerCase(Locale.ROOT).contains(user) || again == null || !Arrays.equals(password, again)) {
                throw new Refusal("bootstrap.weakPassword");
            }
            String typed = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            String stored = security.unusedBootstrapCode().orElse("");
            if (stored.isEmpty() || !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), hash(typed).getBytes(StandardCharsets.US_ASCII))
                    || !security.useBootstrapCode(stored, user, Instant.now())) {
                security.audit(user.isEmpty() ? "?" : user, "BOOTSTRAP_REFUSED", null, null, "wrong or used one-time code");
                throw new Refusal("bootstrap.badCode");
            }
            if (staff.find(user).isPresent()) {
                throw new Refusal("bootstrap.badUsername");
            }
            staff.add(new StaffMember(user, displayName == null || displayName.isBlank() ? user : displayName.trim(),
                    passwords.hash(password), office == null || office.isBlank() ? "GPO" : office.trim(), null),
                    Set.of(Role.ADMIN, Role.SUPERVISOR));
            security.audit(user, "BOOTSTRAPPED", null, user, "first administrator created with the one-time code");
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
