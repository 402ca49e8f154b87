package hk.post.ecert.devices.token.simulated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private SoftHSM2 — the software token that stands in for a customer's e-Cert Token in tests, benchmarks and
 * the demo: its configuration is where {@code SOFTHSM2_CONF} says (SoftHSM reads only the environment), its tokens
 * in a {@code tokens} folder beside it. Tokens are made and deleted with {@code softhsm2-util}; {@code pkcs11-tool}
 * looks at them independently.
 */
public final class SoftHsm {

    public static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    static final String SO_PIN = "12345678";

    private SoftHsm() {
    }

    public static boolean installed() {
        return Files.exists(Path.of(MODULE)) && run(List.of("softhsm2-util", "--version")).exit == 0
                && Files.isExecutable(Path.of("/usr/bin/pkcs11-tool"));
    }

    /** Writes the configuration SoftHSM will read (before any C_Initialize in this JVM). */
    public static void configure() throws IOException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set (surefire sets it)");
        }
        Path confPath = Path.of(conf);
        Path tokens = confPath.getParent().resolve("tokens");
        Files.createDirectories(tokens);
        Files.writeString(confPath, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                + "slots.removable = false\n", StandardCharsets.UTF_8);
    }

    public static void initToken(String label, String pin) {
        Result r = run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin));
        if (r.exit != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + r.out);
        }
    }

    public static void deleteToken(String label) {
        run(List.of("softhsm2-util", "--delete-token", "--token", label));
    }

    /** The labels of the initialised tokens, as {@code softhsm2-util --show-slots} lists them. */
    public static List<String> labels() {
        Result r = run(List.of("softhsm2-util", "--show-slots"));
        List<String> out = new java.util.ArrayList<>();
        boolean initialised = false;
        for (String line : r.out.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Initialized:")) {
                initialised = t.endsWith("yes");
            } else if (t.startsWith("Label:") && initialised && !t.substring(6).isBlank()) {
                out.add(t.substring(6).trim());
            }
        }
        return out;
    }

    public static Result pkcs11Tool(String label, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("pkcs11-tool", "--module", MODULE, "--token-label", label));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** A command's exit code and its output. */
    public record Result(int exit, String out) {
    }

    static Result run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }
}
