package hk.post.ecert.counter.it;

import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.terminal.CounterDevices;
import hk.post.ecert.terminal.TerminalAgent;
import hk.post.ecert.terminal.TerminalConfig;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts a real terminal agent (in this JVM, with the virtual printer) against a deployed server. */
final class Terminals {

    static final String DEMO_TERMINAL = "GPO-C01";
    static final String DEMO_CODE = "DEMO-ENROL-GPO-C01";

    private Terminals() {
    }

    static URI websocket(URL base) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/terminal/ws");
    }

    static TerminalConfig config(URL base, String terminalId, String code, Path dataDir) {
        return new TerminalConfig(terminalId, List.of(websocket(base)), dataDir, code, "virtual", "hk-big5-80", "", 9600);
    }

    /**
     * Waits until the server at {@code base} lists the terminal online with a device of each of these kinds (e.g.
     * {@code SCANNER}): its health report has arrived. Follows what the operators' {@code /api/terminals} says.
     */
    @SuppressWarnings("unchecked")
    static void awaitDevicesReported(URL base, String terminalId, String... kinds) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            java.net.http.HttpResponse<String> r = Operators.get(base, "api/terminals");
            if (r.statusCode() == 200) {
                java.util.Map<String, Object> t = ((List<Object>) Json.read(r.body())).stream()
                        .map(o -> (java.util.Map<String, Object>) o).filter(m -> terminalId.equals(m.get("id"))).findFirst().orElse(java.util.Map.of());
                List<Object> devices = (List<Object>) t.getOrDefault("devices", List.of());
                java.util.Set<Object> reported = devices.stream().map(d -> ((java.util.Map<String, Object>) d).get("kind"))
                        .collect(java.util.stream.Collectors.toSet());
                if ("online".equals(t.get("status")) && reported.containsAll(List.of(kinds))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server does not list " + terminalId + " online with " + List.of(kinds) + ": " + r.body());
            }
            Thread.sleep(100);   // polling the server's own list
        }
    }

    /** The demo terminal, from the data directory it keeps on this server (it enrols once per server). */
    static TerminalAgent demoTerminal(URL base) throws Exception {
        return demoTerminal(base, demoDataDir(base));
    }

    private static final java.util.Map<String, Path> DEMO_DIRS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The demo terminal's data directory on the server at {@code base}: its DEMO code enrols it once, and every test
     * class sharing that server (issue 32) then starts it from the key it keeps here, as a counter PC restarts.
     */
    static Path demoDataDir(URL base) {
        return DEMO_DIRS.computeIfAbsent(base.toString(), k -> {
            try {
                return Files.createTempDirectory("terminal-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The demo terminal, enrolling with the DEMO code unless its data directory already holds its enrolled key. */
    static TerminalAgent demoTerminal(URL base, Path dataDir) throws Exception {
        TerminalConfig config = config(base, DEMO_TERMINAL, DEMO_CODE, dataDir);
        return new TerminalAgent(config, CounterDevices.from(config)).start();
    }

}
