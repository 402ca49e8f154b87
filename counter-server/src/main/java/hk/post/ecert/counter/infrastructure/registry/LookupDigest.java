package hk.post.ecert.counter.infrastructure.registry;

import hk.post.ecert.counter.infrastructure.keys.KeyFiles;
import hk.post.ecert.counter.domain.service.KeyedDigest;
import hk.post.ecert.counter.infrastructure.journal.JournalKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A keyed digest (HMAC-SHA-256) of an HKID number for registry lookups: the database can find a subscriber by HKID
 * without holding the number, and a copy of the database alone cannot test guesses. The key is made at first start
 * beside the server's other keys.
 */
@ApplicationScoped
public class LookupDigest implements KeyedDigest {

    @Inject
    JournalKey keys;

    private byte[] key;

    @PostConstruct
    void load() {
        Path file = keys.dir().resolve("registry-lookup.key");
        key = Base64.getMimeDecoder().decode(new String(KeyFiles.createOnce(file, () -> {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            return (Base64.getEncoder().encodeToString(k) + "\n").getBytes(StandardCharsets.US_ASCII);
        }), StandardCharsets.US_ASCII).trim());
    }

    @Override
    public String of(String normalisedHkid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalisedHkid.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
