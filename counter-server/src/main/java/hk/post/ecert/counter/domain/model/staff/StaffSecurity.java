package hk.post.ecert.counter.domain.model.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the counter keeps about staff accounts' security: failed password tries and locks, the stamp that ends
 * sessions when an account is deactivated or loses a role, the append-only audit of all of it, and the one-time
 * code that bootstraps the first administrator of a production start.
 */
public interface StaffSecurity {

    LoginThrottle.AccountFailures accountFailures(String username);

    LoginThrottle.SourceFailures sourceFailures(String source);

    /** Counts a failed try against the account (if it exists) and the source; returns the account's failures now. */
    int failed(String username, String source, Instant at);

    void lock(String username, Instant at);

    /** A good password: the account's failures start again from none. */
    void succeeded(String username);

    /** Lifts a lock (and forgets the failures). */
    void unlock(String username);

    /** The stamp a session carries; a session with another stamp is over. Empty: no such active account. */
    Optional<Long> sessionStamp(String username);

    void setActive(String username, boolean active);

    void removeRole(String username, Role role);

    /** Every account, or those of one office, for the staff screen. */
    List<Account> accounts(Optional<String> office);

    void audit(String username, String event, String source, String actor, String detail);

    /** The latest audit lines of an account, newest first. */
    List<String> auditOf(String username, int max);

    boolean anyActiveAdministrator();

    /** An active account's password hash and roles, for the identity store; empty if there is no such active account. */
    Optional<Credentials> activeCredentials(String username);

    /** What a password is checked against, and the roles a good one gives. */
    record Credentials(String passwordHash, Set<String> roles) {
        public Credentials {
            roles = Set.copyOf(roles);
        }
    }

    /** Stores the hash of the first administrator's code (replacing an unused one). */
    void storeBootstrapCode(String codeHash, Instant at);

    /** The hash of the code waiting to be used, if any. */
    Optional<String> unusedBootstrapCode();

    /** Marks the code used; false if it was used already (by someone else, a moment ago). */
    boolean useBootstrapCode(String codeHash, String by, Instant at);

    /** An account as the staff screen shows it. */
    record Account(String username, String displayName, String office, String counter, boolean active, Set<String> roles,
                   int failures, boolean locked) {
    }
}
