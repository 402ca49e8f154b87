package hk.post.ecert.bench.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customers' tokens at one counter: SoftHSM2 tokens in the directory the counter's terminal reads (its
 * {@code SOFTHSM2_CONF}), made with {@code softhsm2-util} as a customer brings one, and read with {@code pkcs11-tool}
 * as the audit looks at them.
 */
final class CustomerTokens {

    static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "1234";

    /** One object on a token: its class (private key, public key, certificate), its CKA_ID in hex and its label. */
    record TokenObject(String kind, String id, String label) {
    }

    private final Path conf;

    CustomerTokens(Path dir) throws IOException {
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        this.conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                + "slots.removable = false\n", StandardCharsets.UTF_8);
    }

    /** What the counter's terminal must be given as {@code SOFTHSM2_CONF}. */
    Path conf() {
        return conf;
    }

    /** A customer's new token (their PIN {@value #PIN}). */
    void bring(String label) throws IOException, InterruptedException {
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", PIN));
    }

    /** Every object on the token, as {@code pkcs11-tool -O} lists them after a login. */
    List<TokenObject> objects(String label) throws IOException, InterruptedException {
        String out = run(List.of("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", PIN, "-O"));
        List<TokenObject> found = new ArrayList<>();
        String kind = null;
        String id = "";
        String name = "";
        for (String line : (out + "\nEND Object").split("\n")) {
            String t = line.trim();
            if (t.contains(" Object")) {
                if (kind != null) {
                    found.add(new TokenObject(kind, id, name));
                }
                kind = t.startsWith("Private Key") ? "PRIVATE_KEY" : t.startsWith("Public Key") ? "PUBLIC_KEY"
                        : t.startsWith("Certificate") ? "CERTIFICATE" : t.startsWith("END") ? null : "OTHER";
                id = "";
                name = "";
            } else if (t.startsWith("ID:")) {
                id = t.substring(3).trim().toLowerCase();
            } else if (t.startsWith("label:")) {
                name = t.substring(6).trim();
            }
        }
        return found;
    }

    /** The DER of the certificate stored under {@code id}, if there is one. */
    Optional<byte[]> certificate(String label, String id) throws IOException, InterruptedException {
        Path f = Files.createTempFile("chaos-cert", ".der");
        try {
            run(List.of("pkcs11-tool", "--module", MODULE, "--token-label", label, "--read-object", "--type", "cert", "--id", id,
                    "--output-file", f.toString()));
            byte[] der = Files.readAllBytes(f);
            return der.length == 0 ? Optional.empty() : Optional.of(der);
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().put("SOFTHSM2_CONF", conf.toString());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, 2)) + " failed: " + out.trim());
        }
        return out;
    }
}
