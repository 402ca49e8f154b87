package hk.post.ecert.terminal;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Starts the terminal agent: {@code java -jar terminal.jar [terminal.properties]}. Stops cleanly on Ctrl-C. */
public final class TerminalMain {

    private TerminalMain() {
    }

    public static void main(String[] args) throws Exception {
        TerminalConfig config = TerminalConfig.load(Path.of(args.length > 0 ? args[0] : "terminal.properties"));
        TerminalAgent agent = new TerminalAgent(config, CounterDevices.from(config)).start();
        KioskLauncher launcher = config.kioskLauncherPort() > 0 ? new KioskLauncher(agent, config.kioskLauncherPort()) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (launcher != null) {
                launcher.close();
            }
            agent.close();
            stopped.countDown();
        }, "terminal-shutdown"));
        System.out.println("terminal " + config.terminalId() + " dialling " + config.servers()
                + " with printer " + config.printerBackend() + "/" + config.printerProfile()
                + (launcher == null ? "" : "; the kiosk's screen opens at " + launcher.url()));
        stopped.await();
    }
}
