package hk.post.ecert.counter.it;

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

    static TerminalAgent demoTerminal(URL base) throws Exception {
        return demoTerminal(base, Files.createTempDirectory("terminal-"));
    }

    /** The demo terminal, enrolling with the DEMO code unless its data directory already holds its enrolled key. */
    static TerminalAgent demoTerminal(URL base, Path dataDir) throws Exception {
        TerminalConfig config = config(base, DEMO_TERMINAL, DEMO_CODE, dataDir);
        return new TerminalAgent(config, CounterDevices.from(config)).start();
    }

}
