package hk.post.ecert.terminal;

import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent on a counter PC. It dials out to the counter server (trying each configured instance in turn),
 * proves who it is, reports its devices' health, and runs the device jobs it is sent — each at most once. When the
 * connection drops it dials again; jobs the server still considers unfinished are re-delivered and answered from
 * the local journal.
 */
public final class TerminalAgent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TerminalAgent.class.getName());
    private static final Duration HEALTH_EVERY = Duration.ofSeconds(5);
    private static final Duration HEALTH_REPEAT = Duration.ofSeconds(30);

    private final TerminalConfig config;
    private final TerminalIdentity identity;
    private final CounterDevices devices;
    private final JobJournal journal;
    private final JobRunner runner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService jobsThread = Executors.newSingleThreadExecutor(r -> daemon(r, "terminal-jobs"));
    private final ScheduledExecutorService healthThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "terminal-health"));
    private final Thread dialler;
    private volatile boolean running = true;
    private volatile WebSocket socket;
    private volatile boolean online;
    private volatile List<DeviceHealth> lastHealth;
    private volatile long lastHealthSent;
    private final CountDownLatch firstWelcome = new CountDownLatch(1);

    public TerminalAgent(TerminalConfig config, CounterDevices devices) throws IOException, GeneralSecurityException {
        this.config = config;
        this.devices = devices;
        this.identity = TerminalIdentity.loadOrCreate(config.dataDir());
        this.journal = new JobJournal(config.dataDir().resolve("jobs.journal"));
        this.runner = new JobRunner(journal, devices, Clock.systemUTC(), this::uploadPage);
        this.dialler = new Thread(this::dialLoop, "terminal-dialler");
        this.dialler.setDaemon(true);
    }

    public TerminalAgent start() {
        try {
            devices.printer().open();
        } catch (Exception e) {
            LOG.warning("receipt printer not available yet: " + e.getMessage());
        }
        dialler.start();
        healthThread.scheduleWithFixedDelay(this::reportHealth, HEALTH_EVERY.toMillis(), HEALTH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public boolean isOnline() {
        return online;
    }

    public boolean awaitOnline(Duration timeout) throws InterruptedException {
        return firstWelcome.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && online;
    }

    /** The server this terminal is connected to now, if online. */
    public java.util.Optional<URI> connectedTo() {
        return online ? java.util.Optional.ofNullable(connectedTo) : java.util.Optional.empty();
    }

    public CounterDevices devices() {
        return devices;
    }

    private void dialLoop() {
        int attempt = 0;
        long backoff = 500;
        while (running) {
            URI server = config.servers().get(attempt % config.servers().size());
            attempt++;
            CompletableFuture<Void> closed = new CompletableFuture<>();
            try {
                socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(server, new Listener(closed)).join();
                connectedTo = server;
                LOG.info(() -> "connected to " + server);
                backoff = 500;
                closed.join();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cannot reach " + server, e);
            }
            online = false;
            socket = null;
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 5000);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final CompletableFuture<Void> closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(CompletableFuture<Void> closed) {
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(ws, Json.readObject(text));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "bad message from the server", e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (status == Protocol.CLOSE_UNAUTHORISED) {
                LOG.severe("the server refused this terminal: " + reason);
            }
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.log(Level.FINE, "connection error", error);
            closed.complete(null);
        }
    }

    private void handle(WebSocket ws, Map<String, Object> m) {
        switch (Protocol.type(m)) {
            case Protocol.CHALLENGE -> answerChallenge(ws, (String) m.get("nonce"));
            case Protocol.WELCOME -> {
                online = true;
                try {
                    if (!TerminalIdentity.enrolled(config.dataDir())) {
                        TerminalIdentity.markEnrolled(config.dataDir());
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot remember the enrolment", e);
                }
                firstWelcome.countDown();
                lastHealth = null;
                jobsThread.execute(this::reportHealth);
            }
            case Protocol.JOB -> {
                DeviceJob job = Protocol.decodeJob(m);
                if (!config.terminalId().equals(job.terminalId())) {
                    LOG.warning(() -> "refusing a job addressed to " + job.terminalId());
                    return;
                }
                jobsThread.execute(() -> runAndReport(job));
            }
            case Protocol.ACK -> LOG.fine(() -> "server recorded " + m.get("jobId"));
            case Protocol.KIOSK_TICKET -> {
                java.util.concurrent.CompletableFuture<String> waiting = ticketRequests.remove(String.valueOf(m.get("request")));
                if (waiting != null) {
                    if (m.get("ticket") instanceof String t) {
                        waiting.complete(t);
                    } else {
                        waiting.completeExceptionally(new IllegalStateException("no kiosk ticket: " + m.get("error")));
                    }
                }
            }
            default -> LOG.fine(() -> "ignoring " + m.get("type"));
        }
    }

    private void answerChallenge(WebSocket ws, String nonce) {
        try {
            String signature = identity.sign(Protocol.signedChallenge(nonce, config.terminalId()));
            Map<String, Object> reply;
            if (TerminalIdentity.enrolled(config.dataDir()) || config.enrolmentCode().isBlank()) {
                reply = Protocol.message(Protocol.HELLO);
            } else {
                reply = Protocol.message(Protocol.ENROL);
                reply.put("code", config.enrolmentCode());
                reply.put("publicKey", identity.publicKeyBase64());
            }
            reply.put("terminalId", config.terminalId());
            reply.put("signature", signature);
            send(ws, reply);
        } catch (GeneralSecurityException e) {
            LOG.log(Level.SEVERE, "cannot sign the server's challenge", e);
        }
    }

    private volatile URI connectedTo;

    private final Map<String, java.util.concurrent.CompletableFuture<String>> ticketRequests = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A kiosk's one-time ticket for its own screen (issue 17), asked for over this authenticated connection; the screen
     * is then opened at {@code <server>/kiosk/start?ticket=...}.
     */
    public java.util.concurrent.CompletableFuture<String> kioskTicket() {
        WebSocket ws = socket;
        java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
        if (ws == null || !online) {
            answer.completeExceptionally(new IllegalStateException("not connected to the counter server"));
            return answer;
        }
        String request = java.util.UUID.randomUUID().toString();
        ticketRequests.put(request, answer);
        Map<String, Object> m = Protocol.message(Protocol.KIOSK_TICKET);
        m.put("request", request);
        send(ws, m);
        return answer.orTimeout(10, TimeUnit.SECONDS).whenComplete((t, e) -> ticketRequests.remove(request));
    }

    /** Uploads a scanned page to the server instance this terminal is connected to, signed with its key. */
    private void uploadPage(String jobId, int sequence, int dpi, String mode, byte[] png) throws IOException {
        URI server = connectedTo;
        if (server == null) {
            throw new IOException("not connected to a server");
        }
        String sha = JobRunner.sha256(png);
        String signature;
        try {
            signature = identity.sign(Protocol.signedPage(config.terminalId(), jobId, sequence, sha));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the page", e);
        }
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
                        Protocol.httpBase(server).resolve(Protocol.PAGE_UPLOAD_PATH))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "image/png")
                .header("X-Terminal-Id", config.terminalId())
                .header("X-Job-Id", jobId)
                .header("X-Page", Integer.toString(sequence))
                .header("X-Dpi", Integer.toString(dpi))
                .header("X-Mode", mode)
                .header("X-Sha256", sha)
                .header("X-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png)).build();
        try {
            java.net.http.HttpResponse<String> r = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 204) {
                throw new IOException("the server refused page " + sequence + ": HTTP " + r.statusCode() + " " + r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void runAndReport(DeviceJob job) {
        JobResult result;
        try {
            result = runner.run(job);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "job journal not writable; job " + job.jobId() + " not run", e);
            result = new JobResult(job.jobId(), JobOutcome.FAILED, "JOURNAL", "terminal journal not writable", Map.of());
        }
        WebSocket ws = socket;
        if (ws != null) {
            send(ws, Protocol.encodeResult(result));
        }
        reportHealth();
    }

    private void reportHealth() {
        try {
            List<DeviceHealth> now = devices.health();
            WebSocket ws = socket;
            long t = System.currentTimeMillis();
            if (ws != null && online && (!Objects.equals(now, lastHealth) || t - lastHealthSent > HEALTH_REPEAT.toMillis())) {
                send(ws, Protocol.encodeHealth(now));
                lastHealth = now;
                lastHealthSent = t;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health check failed", e);
        }
    }

    private synchronized void send(WebSocket ws, Map<String, Object> message) {
        try {
            ws.sendText(Json.write(message), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.FINE, "send failed; the connection will be re-established", e);
            ws.abort();
        }
    }

    @Override
    public void close() {
        running = false;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "terminal stopping");
        }
        dialler.interrupt();
        healthThread.shutdownNow();
        jobsThread.shutdown();
        try {
            jobsThread.awaitTermination(5, TimeUnit.SECONDS);
            journal.close();
        } catch (InterruptedException | IOException e) {
            LOG.log(Level.FINE, "closing", e);
        }
        devices.close();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
