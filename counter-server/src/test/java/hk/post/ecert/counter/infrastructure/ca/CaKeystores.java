package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.infrastructure.keys.KeyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded CA's keystore made once per test JVM and copied where a test, or a test server, would make its own
 * (issue 32). Its four RSA keys (3072 and 3 × 2048 bits) took about 9 s of CPU to make in a JVM with C1 alone, as
 * the test servers run, and about 1.4 s with both compilers; the tests that use a copy are about what the CA does with
 * its keys, not about their making ({@link EmbeddedCertificateAuthorityTest} still makes one for the test that reads the
 * hierarchy). A copy is what a server finds on a restart: a keystore made before, owner-only.
 */
public final class CaKeystores {

    private static final String FILE = "embedded-ca.p12";
    private static final Map<String, Path> TEMPLATES = new ConcurrentHashMap<>();

    private CaKeystores() {
    }

    /** As {@link #copyInto(Path, String)}, under the password a server opens its CA with unless told another. */
    public static void copyInto(Path dir) throws IOException {
        copyInto(dir, EmbeddedCertificateAuthority.DEFAULT_PASSWORD);
    }

    /**
     * Puts a copy of this JVM's CA keystore (made under {@code password} on first use) into {@code dir}, unless the
     * directory already holds one; the directory is made owner-only, as the server makes it.
     */
    public static void copyInto(Path dir, String password) throws IOException {
        Path store = dir.resolve(FILE);
        if (Files.exists(store)) {
            return;
        }
        Path template = TEMPLATES.computeIfAbsent(password, CaKeystores::make);
        KeyFiles.directory(Optional.of(dir.toString()), "the test's key directory");   // 0700, as the server makes it
        Files.copy(template, store, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static Path make(String password) {
        try {
            Path dir = Files.createTempDirectory("ca-keystore-");
            dir.toFile().deleteOnExit();   // removed when this JVM ends, after the file (the last registered goes first)
            dir.resolve(FILE).toFile().deleteOnExit();
            EmbeddedCertificateAuthority ca = new EmbeddedCertificateAuthority();
            ca.caDir = Optional.of(dir.toString());
            ca.caPassword = password;
            ca.open();
            return dir.resolve(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
