package hk.post.ecert.counter.interfaces.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Refuses writes that a page of another origin makes the clerk's browser send with the clerk's cookie.
 *
 * <ul>
 *   <li>Every write (POST, PUT, PATCH, DELETE) whose {@code Origin} is not this server's own (or one named in
 *   {@code counter.allowed-origins}) is refused before it reaches a screen, the login or the API. Browsers send
 *   {@code Origin} on every cross-origin write — and another port on the same host is another origin, though the
 *   same "site", which is why {@code SameSite} cookies alone do not close this door. A client that is not a browser
 *   sends no {@code Origin} and is not a cross-site risk.</li>
 *   <li>A write to the JSON API ({@code /api/}) must carry a JSON body and the {@code X-Counter-Client} header: a
 *   cross-site HTML form can send neither, and a cross-site script that tries needs a CORS preflight, which this
 *   server never grants.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CrossSiteRequests.class.getName());
    public static final String CLIENT_HEADER = "X-Counter-Client";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Other origins the operator allows ({@code counter.allowed-origins}), read once. */
    private static final class Allowed {
        static final Set<String> ORIGINS = ConfigProvider.getConfig().getOptionalValue("counter.allowed-origins", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (WRITES.contains(req.getMethod().toUpperCase(Locale.ROOT))) {
            if (fromAnotherOrigin(req)) {
                refuse(req, res, "the request came from another origin (" + req.getHeader("Origin") + ")");
                return;
            }
            String path = req.getRequestURI().substring(req.getContextPath().length());
            if (path.startsWith("/api/") && !ocspRequest(path, req.getContentType())) {
                String type = req.getContentType();
                if (req.getHeader(CLIENT_HEADER) == null || type == null
                        || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    refuse(req, res, "a write to the counter API takes a JSON body and the " + CLIENT_HEADER + " header");
                    return;
                }
            }
        }
        chain.doFilter(req, res);
    }

    /**
     * An OCSP request (RFC 6960 A.1) is a POST that changes nothing: relying parties send it in DER without our JSON
     * header, so it is the one API POST taken as it comes.
     */
    static boolean ocspRequest(String path, String contentType) {
        return "/api/ocsp".equals(path) && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/ocsp-request");
    }

    /** Whether a browser sent this write from another origin (the login form checks it too: it is answered before filters run). */
    public static boolean fromAnotherOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        return origin != null && !sameOrigin(req, origin);
    }

    private static boolean sameOrigin(HttpServletRequest req, String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (Allowed.ORIGINS.contains(o)) {
            return true;
        }
        String host = req.getHeader("Host");
        if (host == null) {
            return false;
        }
        return o.equals(req.getScheme().toLowerCase(Locale.ROOT) + "://" + host.trim().toLowerCase(Locale.ROOT));
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse res, String why) throws IOException {
        LOG.warning(() -> "refused " + req.getMethod() + " " + req.getRequestURI() + " from " + req.getRemoteAddr() + ": " + why);
        res.setStatus(HttpServletResponse.SC_FORBIDDEN);
        res.setContentType("application/json");
        res.getWriter().write("{\"refused\":\"" + why.replace("\"", "'") + "\"}");
    }
}
