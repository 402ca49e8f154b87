package hk.post.ecert.counter.infrastructure.security;

import hk.post.ecert.counter.domain.model.staff.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/** Hashes a new password exactly as the identity store will check it. */
@ApplicationScoped
public class PasswordHashing implements PasswordHasher {

    @Inject
    private Pbkdf2PasswordHash hash;

    @Override
    public String hash(char[] password) {
        initialise();
        return hash.generate(password);
    }

    @Override
    public boolean matches(char[] password, String hashed) {
        initialise();
        return hash.verify(password, hashed);
    }

    private void initialise() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Iterations", SecurityConfiguration.PBKDF2_ITERATIONS,
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
    }
}
