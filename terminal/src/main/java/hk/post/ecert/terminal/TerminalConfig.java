package hk.post.ecert.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The terminal's settings, from {@code terminal.properties} (and {@code -D} overrides of the same keys).
 *
 * @param servers         WebSocket URLs of the counter server instances, tried in order (failover)
 * @param dataDir         where the key pair and the durable job journal live
 * @param enrolmentCode   the one-time code a supervisor issued; used only until the terminal is enrolled
 * @param printerBackend  {@code virtual} (in-process simulator) or {@code serial}
 * @param mediumMount     where an e-Cert File USB medium is mounted ({@code token.medium-mount})
 * @param scanner         {@code scanner.backend} = {@code simulated} (default), {@code sane} (with
 *                        {@code scanner.sane.address} host:port, {@code scanner.sane.device} and the device's own options as
 *                        {@code scanner.sane.option.<name>}, e.g. the pnm backend's {@code filename}) or {@code folder}
 *                        (with {@code scanner.folder})
 * @param paymentBackend  {@code eps.backend}: {@code none} (a counter PC: the clerk's EPS terminal is not driven from
 *                        here) or {@code simulated} (the demo kiosk's EPS device, issue 17)
 * @param kioskLauncherPort {@code kiosk.launcher-port}: on a kiosk, the loopback port of the page that opens the
 *                        kiosk's screen with a fresh one-time ticket (0: none)
 */
public record TerminalConfig(String terminalId, List<URI> servers, Path dataDir, String enrolmentCode,
                             String printerBackend, String printerProfile, String printerPort, int printerBaud,
                             Path mediumMount, Map<String, String> scanner, String paymentBackend, int kioskLauncherPort) {

    public TerminalConfig(String terminalId, List<URI> servers, Path dataDir, String enrolmentCode, String printerBackend,
                          String printerProfile, String printerPort, int printerBaud, Path mediumMount, Map<String, String> scanner) {
        this(terminalId, servers, dataDir, enrolmentCode, printerBackend, printerProfile, printerPort, printerBaud,
                mediumMount, scanner, "none", 0);
    }

    public TerminalConfig(String terminalId, List<URI> servers, Path dataDir, String enrolmentCode, String printerBackend,
                          String printerProfile, String printerPort, int printerBaud, Path mediumMount) {
        this(terminalId, servers, dataDir, enrolmentCode, printerBackend, printerProfile, printerPort, printerBaud,
                mediumMount, Map.of("scanner.backend", "simulated"));
    }

    public TerminalConfig(String terminalId, List<URI> servers, Path dataDir, String enrolmentCode, String printerBackend,
                          String printerProfile, String printerPort, int printerBaud) {
        this(terminalId, servers, dataDir, enrolmentCode, printerBackend, printerProfile, printerPort, printerBaud,
                dataDir.resolve("ecert-file-usb"));
    }

    public static TerminalConfig load(Path file) throws IOException {
        Properties p = new Properties();
        if (file != null && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        for (String key : List.of("terminal.id", "terminal.servers", "terminal.data-dir", "terminal.enrolment-code",
                "printer.backend", "printer.profile", "printer.port", "printer.baud", "token.medium-mount",
                "scanner.backend", "scanner.sane.address", "scanner.sane.device", "scanner.folder", "eps.backend",
                "kiosk.launcher-port")) {
            String v = System.getProperty(key);
            if (v != null) {
                p.setProperty(key, v);
            }
        }
        Path dataDir = Path.of(p.getProperty("terminal.data-dir", "data/terminal"));
        return new TerminalConfig(
                require(p, "terminal.id"),
                Arrays.stream(require(p, "terminal.servers").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(URI::create).toList(),
                dataDir,
                p.getProperty("terminal.enrolment-code", ""),
                p.getProperty("printer.backend", "virtual"),
                p.getProperty("printer.profile", "hk-big5-80"),
                p.getProperty("printer.port", ""),
                Integer.parseInt(p.getProperty("printer.baud", "9600")),
                Path.of(p.getProperty("token.medium-mount", dataDir.resolve("ecert-file-usb").toString())),
                scannerSettings(p),
                p.getProperty("eps.backend", "none").trim(),
                Integer.parseInt(p.getProperty("kiosk.launcher-port", "0").trim()));
    }

    /** The prefix of a SANE device option's setting ({@code scanner.sane.option.<option name>}). */
    public static final String SANE_OPTION = "scanner.sane.option.";

    private static Map<String, String> scannerSettings(Properties p) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("scanner.backend", p.getProperty("scanner.backend", "simulated"));
        for (String k : List.of("scanner.sane.address", "scanner.sane.device", "scanner.folder")) {
            if (p.getProperty(k) != null) {
                m.put(k, p.getProperty(k).trim());
            }
        }
        // a SANE device's own options by name, e.g. scanner.sane.option.filename for the pnm backend's page file
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith(SANE_OPTION) && k.length() > SANE_OPTION.length()) {
                m.put(k, p.getProperty(k).trim());
            }
        }
        return Map.copyOf(m);
    }

    private static String require(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("terminal setting " + key + " is missing");
        }
        return v.trim();
    }
}
