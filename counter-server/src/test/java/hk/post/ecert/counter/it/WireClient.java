package hk.post.ecert.counter.it;

import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare protocol client, to speak to the terminal endpoint the way a misbehaving or foreign PC would. */
final class WireClient implements AutoCloseable {

    final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final KeyPair key;
    /** Held for the life of the socket: an unreferenced HttpClient may be collected and take its connections with it. */
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket ws;

    WireClient(URI uri) throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ws = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(Json.readObject(partial.toString()));
                    partial.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                closeCode.complete(status);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                // a connection that ended without a close frame says so, rather than as a close never seen
                closeCode.completeExceptionally(error);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    Map<String, Object> next() throws InterruptedException {
        Map<String, Object> m = received.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message from the server");
        }
        return m;
    }

    String sign(String nonce, String terminalId) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(Protocol.signedChallenge(nonce, terminalId));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    void send(Map<String, Object> m) throws Exception {
        ws.sendText(Json.write(m), true).get(10, TimeUnit.SECONDS);
    }

    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }

    static Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
