package hk.post.ecert.counter.infrastructure.journal;

import hk.post.ecert.counter.domain.service.JournalSigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import hk.post.ecert.counter.infrastructure.keys.KeyFiles;

/**
 * The Ed25519 key that signs the journal's checkpoints at each office day close. Created at first start beside the
 * CA keystore ({@code counter.journal.key-dir}, else {@code counter.ca.dir}); every server instance must share it.
 * The public half ({@code journal-key.pub}) is what {@code bin/verify-journal} needs.
 */
@ApplicationScoped
public class JournalKey implements JournalSigningKey {

    private static final Logger LOG = Logger.getLogger(JournalKey.class.getName());

    @Inject
    @ConfigProperty(name = "counter.journal.key-dir")
    Optional<String> keyDir;

    @Inject
    @ConfigProperty(name = "counter.ca.dir")
    Optional<String> caDir;

    private KeyPair pair;
    private String keyId;
    private Path dir;

    @PostConstruct
    void load() {
        dir = KeyFiles.directory(keyDir.filter(d -> !d.isBlank()).or(() -> caDir), "counter.ca.dir (or counter.journal.key-dir)");
        Path priv = dir.resolve("journal-key.p8");
        Path pub = dir.resolve("journal-key.pub");
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            boolean existed = Files.exists(priv);
            // The private file carries the public key on its second line, so that the pair is made once as one file.
            String[] lines = KeyFiles.ed25519PairOnce(priv);
            String pubB64 = lines.length > 1 ? lines[1] : Files.readString(pub).trim();
            PrivateKey p = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(lines[0])));
            PublicKey q = kf.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pubB64)));
            pair = new KeyPair(q, p);
            if (!Files.exists(pub)) {
                // the public half, readable by anyone who verifies the journal
                KeyFiles.replace(pub, (pubB64 + "\n").getBytes(StandardCharsets.US_ASCII), "r--r--r--");
            }
            if (!existed) {
                LOG.info(() -> "journal checkpoint key in " + dir);
            }
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()))
                    .substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the journal key", e);
        }
    }

    /** Where the server's own keys live (shared by every instance). */
    public Path dir() {
        return dir;
    }

    @Override
    public KeyPair pair() {
        return pair;
    }

    @Override
    public String keyId() {
        return keyId;
    }
}
