package hk.post.ecert.devices.printer.simulated;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real serial line without hardware: a socat pty pair, with a symlink for each end. The driver opens one end as
 * its serial port; {@link #serve(VirtualPrinter)} puts the virtual printer on the other.
 */
public final class SocatPair implements AutoCloseable {

    public final Path driverEnd;
    public final Path printerEnd;
    private final Process socat;

    public SocatPair(Path dir) throws IOException, InterruptedException {
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

    public static boolean installed() {
        try {
            return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs the virtual printer on the far end until the line goes away (a daemon thread). */
    public Thread serve(VirtualPrinter printer) {
        Path peer = printerEnd;
        Thread t = new Thread(() -> {
            try (FileInputStream in = new FileInputStream(peer.toFile()); FileOutputStream out = new FileOutputStream(peer.toFile())) {
                printer.serve(in, out);
            } catch (IOException e) {
                // the line went away
            }
        }, "virtual-printer-on-" + peer.getFileName());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Pulls the cable: socat ends and both ptys vanish. */
    public void kill() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
