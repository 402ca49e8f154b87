package hk.post.ecert.counter.infrastructure.journal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Ed25519 key that signs the journal's checkpoints at each office day close. Created at first start beside the
 * CA keystore ({@code counter.journal.key-dir}, else {@code counter.ca.dir}); every server instance must share it.
 * The public half ({@code journal-key.pub}) is what {@code bin/verify-journal} needs.
 */
@ApplicationScoped
public class JournalKey {

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
        dir = keyDir.filter(d -> !d.isBlank()).or(() -> caDir.filter(d -> !d.isBlank())).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "ecert-counter-test-ca"));
        Path priv = dir.resolve("journal-key.p8");
        Path pub = dir.resolve("journal-key.pub");
        try {
            Files.createDirectories(dir);
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv) && Files.exists(pub)) {
                PrivateKey p = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(Files.readString(priv))));
                PublicKey q = kf.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(Files.readString(pub))));
                pair = new KeyPair(q, p);
            } else {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                write(pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                write(priv, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                LOG.info(() -> "journal checkpoint key created in " + dir);
            }
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()))
                    .substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the journal key", e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where the server's own keys live (shared by every instance). */
    public Path dir() {
        return dir;
    }

    public KeyPair pair() {
        return pair;
    }

    public String keyId() {
        return keyId;
    }
}
