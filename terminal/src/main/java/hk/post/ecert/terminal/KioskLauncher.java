package hk.post.ecert.terminal;

import com.sun.net.httpserver.HttpServer;
import hk.post.ecert.devices.wire.Protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On a kiosk PC (issue 17): the page its browser opens, on loopback only. Each visit asks the counter server, over the
 * kiosk's authenticated connection, for a one-time ticket and sends the browser on to the kiosk's screen with it, so
 * the screen is bound to this kiosk and to nothing else (no staff login, no password on the PC).
 */
public final class KioskLauncher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KioskLauncher.class.getName());

    private final HttpServer http;

    public KioskLauncher(TerminalAgent agent, int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        http.createContext("/", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                try {
                    URI server = agent.connectedTo().orElseThrow(() -> new IllegalStateException("the kiosk is not connected"));
                    String ticket = agent.kioskTicket().get(10, TimeUnit.SECONDS);
                    exchange.getResponseHeaders().add("Location", Protocol.httpBase(server) + "/kiosk/start?ticket="
                            + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
                    exchange.getResponseHeaders().add("Cache-Control", "no-store");
                    exchange.sendResponseHeaders(303, -1);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "no kiosk ticket", e);
                    byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">"
                            + "<title>Kiosk starting</title></head><body><main><h1>This kiosk is starting. 此自助服務機正在啟動。</h1>"
                            + "<p>Please wait a moment. 請稍候。</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(503, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        });
        http.start();
    }

    /** The address the kiosk's browser opens. */
    public URI url() {
        return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
