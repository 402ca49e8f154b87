package hk.post.ecert.counter.interfaces.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many requests a minute from one address, for a public page (the receipt check, the AR's CSR upload).
 * Beyond {@value #MAX_ADDRESSES} addresses remembered, those idle for a minute are forgotten.
 */
public final class AddressThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final int perMinute;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public AddressThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    public boolean allow(String address) {
        long now = System.nanoTime();
        if (recent.size() > MAX_ADDRESSES) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || now - e.getValue().peekLast() > 60_000_000_000L;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > 60_000_000_000L) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
