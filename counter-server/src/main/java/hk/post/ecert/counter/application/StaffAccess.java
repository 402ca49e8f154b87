package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.staff.LoginThrottle;
import hk.post.ecert.counter.domain.model.staff.PasswordHasher;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Every password check of a member of staff — the login form and a supervisor's re-authentication for a void, a
 * refund or a fee — goes through here: the throttle decides first (a locked or waiting account costs no password
 * hashing), then the identity store checks the password, and the outcome is counted and audited. It runs in a
 * transaction of its own, so that a refused try stays counted when the caller's work is rolled back.
 */
@ApplicationScoped
public class StaffAccess {

    private static final Logger LOG = Logger.getLogger(StaffAccess.class.getName());

    public enum Purpose { LOGIN, REAUTHENTICATION }

    /** The result of a password check. {@code retryAfter} for WAIT; {@code groups} when VALID. */
    public record Outcome(Result result, String username, Set<String> groups, Duration retryAfter) {
        public boolean valid() {
            return result == Result.VALID;
        }
    }

    public enum Result { VALID, INVALID, WAIT, LOCKED }

    @Inject
    StaffSecurity security;

    @Inject
    IdentityStoreHandler identity;

    @Inject
    PasswordHasher hasher;

    /** A hash of a password no one has, checked for a name that has no active account (made at its first need). */
    private volatile String dummyHash;

    private void lockIfDue(String user, String from, Instant now, int failures) {
        if (LoginThrottle.locks(failures)) {
            security.lock(user, now);
            security.audit(user, "LOCKED", from, null, failures + " failed tries in a row");
            LOG.warning(() -> "staff account " + user + " locked after " + failures + " failed tries (last from " + from + ")");
        }
    }

    private void sameCostAsAWrongPassword(char[] password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hasher.hash(java.util.UUID.randomUUID().toString().toCharArray());
            dummyHash = dummy;
        }
        hasher.matches(password, dummy);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(String username, char[] password, String source, Purpose purpose) {
        String user = username == null ? "" : username.trim();
        String from = source == null || source.isBlank() ? "unknown" : source;
        try {
            if (user.isEmpty() || password == null || password.length == 0) {
                return new Outcome(Result.INVALID, user, Set.of(), null);
            }
            Instant now = Instant.now();
            LoginThrottle.Decision d = LoginThrottle.decide(security.accountFailures(user), security.sourceFailures(from), now);
            if (!d.allowed()) {
                // A try while the account or the source must wait is refused unchecked, and still counts: hammering
                // reaches the lock sooner, never later.
                int failures = d.verdict() == LoginThrottle.Verdict.WAIT ? security.failed(user, from, now) : security.failed("", from, now);
                security.audit(user, purpose + "_" + d.verdict(), from, null, d.verdict() == LoginThrottle.Verdict.WAIT
                        ? "refused without checking the password; retry after " + d.retryAfter().toSeconds() + " s" : "account locked");
                lockIfDue(user, from, now, failures);
                return new Outcome(d.verdict() == LoginThrottle.Verdict.LOCKED ? Result.LOCKED : Result.WAIT, user, Set.of(), d.retryAfter());
            }
            CredentialValidationResult r = identity.validate(new UsernamePasswordCredential(user, new String(password)));
            if (r.getStatus() == CredentialValidationResult.Status.VALID) {
                security.succeeded(user);
                security.audit(user, purpose + "_OK", from, null, null);
                return new Outcome(Result.VALID, r.getCallerPrincipal().getName(), Set.copyOf(r.getCallerGroups()), null);
            }
            int failures = security.failed(user, from, now);
            if (failures == 0) {
                // no such active account: the identity store answered without hashing; hash once as for a wrong
                // password, so the time of the answer does not tell which staff names exist (issue 31, finding 7)
                sameCostAsAWrongPassword(password);
            }
            security.audit(user, purpose + "_FAILED", from, null, failures == 0 ? "no such active account" : "failure " + failures + " in a row");
            lockIfDue(user, from, now, failures);
            return new Outcome(Result.INVALID, user, Set.of(), null);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
