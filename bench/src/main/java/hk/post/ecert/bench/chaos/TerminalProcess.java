package hk.post.ecert.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One counter PC's terminal agent as its own process ({@code java -jar terminal.jar}), as in production, so that it
 * can be SIGKILLed mid-job and started again on the same data directory (its key and its job journal survive, as on
 * the PC's disk).
 */
final class TerminalProcess {

    private final String id;
    private final Path properties;
    private final Path dir;
    private final Path jar;
    private Process process;
    private int starts;

    private final Path softhsmConf;

    /**
     * @param pageFile    the page saned's {@code pnm} backend serves this counter's scanner (what lies on its glass)
     * @param softhsmConf the SoftHSM2 configuration naming the directory of the tokens in this counter's reader
     */
    TerminalProcess(String id, Path dir, Path jar, List<String> servers, String enrolmentCode, Path printerPort, String saned,
                    Path pageFile, Path softhsmConf) throws IOException {
        this.softhsmConf = softhsmConf;
        this.id = id;
        this.dir = Files.createDirectories(dir);
        this.jar = jar;
        this.properties = dir.resolve("terminal.properties");
        Files.writeString(properties, String.join("\n",
                "terminal.id=" + id,
                "terminal.servers=" + String.join(",", servers),
                "terminal.data-dir=" + dir.resolve("data"),
                "terminal.enrolment-code=" + enrolmentCode,
                "printer.backend=serial",
                "printer.port=" + printerPort,
                "printer.baud=115200",
                "printer.profile=hk-big5-80",
                "scanner.backend=sane",
                "scanner.sane.address=" + saned,
                "scanner.sane.device=pnm:0",
                "scanner.sane.option.filename=" + pageFile,
                "") );
    }

    String id() {
        return id;
    }

    synchronized void start() throws IOException {
        starts++;
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), properties.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("terminal.log").toFile()));
        b.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        process = b.start();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL: the PC loses power mid-job. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Whether the server named by {@code url} (any instance: they share the database) sees this terminal online. */
    boolean online(HttpClient http, String url, String operatorAuthorization) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/terminals")).timeout(Duration.ofSeconds(5))
                            .header("Authorization", operatorAuthorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return false;
            }
            int at = r.body().indexOf("\"" + id + "\"");
            if (at < 0) {
                return false;
            }
            int end = r.body().indexOf('}', at);
            return r.body().substring(at, end < 0 ? r.body().length() : end).contains("\"status\":\"online\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int starts() {
        return starts;
    }

    Path log() {
        return dir.resolve("terminal.log");
    }

    void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
