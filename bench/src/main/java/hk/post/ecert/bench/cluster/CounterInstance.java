package hk.post.ecert.bench.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One Payara Micro instance of the counter service, as its own process: started, waited for, killed. */
public final class CounterInstance implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private CounterInstance(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static CounterInstance start(String name, int port, List<String> jvm, List<String> micro, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-Dcounter.instance.name=" + name);
        cmd.add("-jar");
        cmd.addAll(micro);
        cmd.addAll(List.of("--port", Integer.toString(port), "--name", name));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new CounterInstance(name, port, p, log);
    }

    /** Waits until the login page is served; false if the process died or time ran out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        // HTTP/1.1, as a browser speaks plain http (no h2c upgrade asked of a server still starting)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "login.xhtml"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        return false;
    }

    /**
     * Writes the instance's threads to a file beside its log ({@code jcmd Thread.print}), for an instance that did not
     * become ready: a suite run once saw an instance log "ready" and then answer no page for four minutes.
     *
     * @return the file, or the reason it could not be written
     */
    public String threadDump() {
        Path out = log.resolveSibling(log.getFileName() + ".threads.txt");
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return jcmd.waitFor(60, TimeUnit.SECONDS) ? out.toString() : "jcmd did not answer in 60 s";
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port + "/";
    }

    public String websocket() {
        return "ws://localhost:" + port + "/terminal/ws";
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the instance vanishes mid-work, as in a crash or a pulled plug. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
