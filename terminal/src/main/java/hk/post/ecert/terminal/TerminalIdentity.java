package hk.post.ecert.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The terminal's own Ed25519 key pair. Made on first start and kept in the data directory (owner-only); the
 * public half is what a supervisor's enrolment binds to this terminal id on the server.
 */
public final class TerminalIdentity {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private TerminalIdentity(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static TerminalIdentity loadOrCreate(Path dataDir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dataDir);
        Path priv = dataDir.resolve("terminal-key.pk8");
        Path pub = dataDir.resolve("terminal-key.pub");
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        if (Files.exists(priv) && Files.exists(pub)) {
            return new TerminalIdentity(kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))),
                    kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
        }
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path tmp = dataDir.resolve("terminal-key.pk8.tmp");
        Files.write(tmp, kp.getPrivate().getEncoded());
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(tmp, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.write(pub, kp.getPublic().getEncoded());
        return new TerminalIdentity(kp.getPrivate(), kp.getPublic());
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String sign(byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(privateKey);
        s.update(message);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /** Whether the server has accepted this key before (remembered locally after the first welcome). */
    public static boolean enrolled(Path dataDir) {
        return Files.exists(dataDir.resolve("enrolled"));
    }

    public static void markEnrolled(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve("enrolled"), "enrolled\n");
    }
}
