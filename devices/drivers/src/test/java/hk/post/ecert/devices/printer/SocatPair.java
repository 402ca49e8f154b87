package hk.post.ecert.devices.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real serial line for tests: a socat pty pair, with a symlink for each end. */
final class SocatPair implements AutoCloseable {

    final Path driverEnd;
    final Path printerEnd;
    private final Process socat;

    SocatPair(Path dir) throws IOException, InterruptedException {
        driverEnd = dir.resolve("ttyPRN");
        printerEnd = dir.resolve("ttyPRN-peer");
        Files.deleteIfExists(driverEnd);
        Files.deleteIfExists(printerEnd);
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + driverEnd, "pty,raw,echo=0,link=" + printerEnd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(driverEnd) && Files.exists(printerEnd))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create the pty pair");
            }
            Thread.sleep(10);
        }
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Pulls the cable: socat ends and both ptys vanish. */
    void kill() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
