package hk.post.ecert.counter.domain.model.staff;

/** Hashes a new password exactly as the identity store that logs staff in will check it. */
public interface PasswordHasher {

    String hash(char[] password);

    /** Whether {@code password} is the one {@code hash} was made from, at the full cost of the check. */
    boolean matches(char[] password, String hash);
}
