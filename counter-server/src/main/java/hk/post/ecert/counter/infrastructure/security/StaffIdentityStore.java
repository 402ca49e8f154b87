package hk.post.ecert.counter.infrastructure.security;

import hk.post.ecert.counter.domain.model.staff.PasswordHasher;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;

/**
 * Checks a member of staff's password against the PBKDF2 hash in {@code staff} (an active account only) and gives the
 * roles in {@code staff_role}, as the container's database identity store did, but through the staff repository and
 * so on the connection of the transaction that asks (issue 32). The container's store took a connection of its own
 * inside the login's transaction, which already held one: a login held two, and with a pool of one connection it could
 * not log in at all. An unknown or inactive name is answered without hashing, as before; {@code StaffAccess} evens
 * out that time.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffSecurity staff;

    @Inject
    PasswordHasher passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<StaffSecurity.Credentials> account = staff.activeCredentials(login.getCaller());
        if (account.isEmpty() || !passwords.matches(login.getPassword().getValue(), account.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), account.get().roles());
    }
}
