package hk.post.ecert.counter.interfaces.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request's path may look like (issue 31, findings 4 and 8). A path that could mean two things — a
 * {@code ..} or {@code .} segment, a {@code ;} parameter, an empty segment ({@code //}), a backslash, or an encoded dot,
 * slash or backslash — is refused before anything decides on it, so a door never sees one path where the container
 * serves another. A place to go back to after the login is a path in this application, or nothing.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** True when the raw request URI is one plain path, the same before and after the container normalises it. */
    public static boolean plain(String rawUri) {
        if (rawUri == null || rawUri.isEmpty() || rawUri.charAt(0) != '/') {
            return false;
        }
        String lower = rawUri.toLowerCase(Locale.ROOT);
        if (lower.contains(";") || lower.contains("//") || lower.contains("\\") || lower.contains("%2e") || lower.contains("%2f")
                || lower.contains("%5c") || lower.contains("%00") || lower.contains("%25")) {
            return false;
        }
        for (String segment : rawUri.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        for (int i = 0; i < rawUri.length(); i++) {
            char c = rawUri.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A saved target made safe to send the browser to after the login: a plain path that starts with the application's
     * own context path (never a scheme, a host, {@code //host} or {@code /\host}), with its query; otherwise empty.
     */
    public static Optional<String> sameApplication(String contextPath, String saved) {
        if (saved == null || saved.isEmpty()) {
            return Optional.empty();
        }
        int q = saved.indexOf('?');
        String path = q < 0 ? saved : saved.substring(0, q);
        if (!plain(path) || !path.startsWith(contextPath + "/")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(saved);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || !uri.normalize().getRawPath().equals(uri.getRawPath())) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(saved);
    }
}
