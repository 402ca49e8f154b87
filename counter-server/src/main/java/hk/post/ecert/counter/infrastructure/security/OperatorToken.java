package hk.post.ecert.counter.infrastructure.security;

import hk.post.ecert.counter.infrastructure.journal.JournalKey;
import hk.post.ecert.counter.infrastructure.keys.KeyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operators' bearer token (issue 31, finding 10): {@code /metrics} and {@code /api/terminals} answer a monitoring
 * system that sends {@code Authorization: Bearer <token>} (Prometheus: {@code bearer_token_file}), or a logged-in
 * supervisor or administrator, and nobody else. The token is made once, 256 random bits, in {@code operator.token}
 * beside the server's keys, readable by the owner only; every instance shares it.
 */
@ApplicationScoped
public class OperatorToken {

    public static final String FILE = "operator.token";
    public static final String ROLE = "OPERATOR";

    @Inject
    JournalKey keys;

    private byte[] token = new byte[0];

    /** Made at start, so that the operator finds the file before the first scrape. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object init) {
        if (token.length == 0) {
            throw new IllegalStateException("the operators' token was not made");
        }
    }

    @PostConstruct
    void load() {
        byte[] content = KeyFiles.createOnce(keys.dir().resolve(FILE), () -> {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            return (Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
        });
        token = new String(content, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether an {@code Authorization} header carries the token (compared in constant time). */
    public boolean presentedIn(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.US_ASCII));
    }
}
