package hk.post.ecert.counter.infrastructure.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff log in with a form ({@link StaffLoginMechanism}); passwords are checked against PBKDF2 hashes in the
 * {@code staff} table, roles come from {@code staff_role} ({@link StaffIdentityStore}; {@link PasswordHashing} makes
 * the hashes with these parameters).
 */
@ApplicationScoped
@DeclareRoles({"CLERK", "SUPERVISOR", "HKPCA_OFFICER", "ADMIN", "OPERATOR"})
public class SecurityConfiguration {

    static final String PBKDF2_ITERATIONS = "210000";
}
