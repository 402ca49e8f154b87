package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.staff.LoginThrottle;
import hk.post.ecert.counter.domain.model.staff.PasswordHasher;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 31, finding 7: a staff name without an active account costs the same password check as a known name with a
 * wrong password (the identity store answers an unknown name without hashing), so the answer's time does not tell
 * which names exist. Counted, not timed: a test never fails on a timing.
 */
class StaffAccessTimingTest {

    private final List<String> checks = new ArrayList<>();

    private StaffAccess access(boolean known) {
        StaffAccess a = new StaffAccess();
        a.security = (StaffSecurity) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{StaffSecurity.class},
                (p, m, args) -> switch (m.getName()) {
                    case "accountFailures" -> LoginThrottle.AccountFailures.NONE;
                    case "sourceFailures" -> LoginThrottle.SourceFailures.NONE;
                    case "failed" -> known ? 1 : 0;   // 0: no such active account
                    default -> null;
                });
        a.identity = new IdentityStoreHandler() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                if (known) {
                    checks.add("identity store hashed the password");
                }
                return CredentialValidationResult.INVALID_RESULT;
            }
        };
        a.hasher = new PasswordHasher() {
            @Override
            public String hash(char[] password) {
                return "dummy-hash";
            }

            @Override
            public boolean matches(char[] password, String hash) {
                checks.add("dummy hash checked");
                return false;
            }
        };
        return a;
    }

    @Test
    void anUnknownNameCostsOnePasswordCheckLikeAWrongPassword() {
        assertFalse(access(true).check("clerk1", "wrong".toCharArray(), "10.0.0.9", StaffAccess.Purpose.LOGIN).valid());
        assertEquals(List.of("identity store hashed the password"), checks);
        checks.clear();
        assertFalse(access(false).check("no.such.clerk", "wrong".toCharArray(), "10.0.0.9", StaffAccess.Purpose.LOGIN).valid());
        assertEquals(List.of("dummy hash checked"), checks, "one full-cost check for a name that does not exist");
    }
}
