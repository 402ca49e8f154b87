package hk.post.ecert.counter.infrastructure.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Staff log in with a form ({@link StaffLoginMechanism}); passwords are checked against PBKDF2 hashes in the
 * {@code staff} table, roles come from {@code staff_role}.
 */
@ApplicationScoped
@DeclareRoles({"CLERK", "SUPERVISOR", "HKPCA_OFFICER", "ADMIN", "OPERATOR"})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:comp/DefaultDataSource",
        callerQuery = "select password_hash from staff where username = ? and active = true",
        groupsQuery = "select role from staff_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Iterations=" + SecurityConfiguration.PBKDF2_ITERATIONS,
                "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.SaltSizeBytes=16"})
public class SecurityConfiguration {

    static final String PBKDF2_ITERATIONS = "210000";
}
