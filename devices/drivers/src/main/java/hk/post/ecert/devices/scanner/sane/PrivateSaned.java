package hk.post.ecert.devices.scanner.sane;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A saned of our own on loopback, with a private configuration that loads only the {@code test} and {@code pnm}
 * backends (no USB probing, no network discovery). Used by tests, by the scanner simulator in {@code bin/run} when
 * saned is installed, and on a counter PC without a system saned.
 */
public final class PrivateSaned implements AutoCloseable {

    public static final Path SANED = Path.of("/usr/sbin/saned");

    private final Process process;
    public final int port;
    public final Path configDir;

    public PrivateSaned(Path workDir) throws IOException {
        configDir = workDir.resolve("sane.d");
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("dll.conf"), "test\npnm\n");
        Files.writeString(configDir.resolve("saned.conf"), "127.0.0.1\nlocalhost\n");
        Files.writeString(configDir.resolve("test.conf"), "number_of_devices 2\nmode Gray\ndepth 8\nresolution 150.0\n");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(SANED.toString(), "-l", "-e", "-b", "127.0.0.1", "-p", Integer.toString(port), "-d", "1")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("saned.log").toFile());
        // no trailing ':' — nothing from /etc/sane.d is read
        pb.environment().put("SANE_CONFIG_DIR", configDir.toString());
        process = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("saned exited: see " + workDir.resolve("saned.log"));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
        process.destroy();
        throw new IOException("saned did not open port " + port);
    }

    public static boolean installed() {
        return Files.isExecutable(SANED);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
