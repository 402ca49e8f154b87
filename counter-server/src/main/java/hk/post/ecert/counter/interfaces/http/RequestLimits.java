package hk.post.ecert.counter.interfaces.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * The first filter of every request (declared first in {@code web.xml}; issue 31, findings 6 and 8):
 * <ul>
 *   <li>a path that is not one plain path ({@link RequestPaths#plain}) is refused, so no door decides on a raw path
 *   that the container then serves as another;</li>
 *   <li>a body larger than its endpoint's limit is refused before it is read: by its {@code Content-Length} at once,
 *   and a body sent without one (chunked) stops being read at the limit. The terminals' page uploads may be large
 *   ({@code counter.http.max-upload-bytes}); everything else, the public OCSP responder and the screens included,
 *   is bounded by {@code counter.http.max-body-bytes} (2 MiB).</li>
 * </ul>
 */
public class RequestLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private long maxBody;
    private long maxUpload;

    @Override
    public void init() {
        var config = ConfigProvider.getConfig();
        maxBody = config.getOptionalValue("counter.http.max-body-bytes", Long.class).orElse(2L * 1024 * 1024);
        maxUpload = config.getOptionalValue("counter.http.max-upload-bytes", Long.class).orElse(65L * 1024 * 1024);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String raw = req.getRequestURI();
        String path = raw.substring(Math.min(raw.length(), req.getContextPath().length()));
        // an OCSP request by GET is base64 in the path, where '/' is sent encoded (RFC 6960, appendix A.1)
        String checked = path.startsWith("/api/ocsp/") ? "/api/ocsp/" + path.substring(10).replaceAll("(?i)%2f", "_") : path;
        if (!RequestPaths.plain(checked.isEmpty() ? "/" : checked)) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST, "This address is not a plain path.");
            return;
        }
        long limit = path.startsWith("/terminal/") ? maxUpload : maxBody;
        if (req.getContentLengthLong() > limit) {
            res.setHeader("Connection", "close");
            res.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request is larger than this address accepts.");
            return;
        }
        boolean bodyWithoutLength = req.getContentLengthLong() < 0 && !"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod());
        chain.doFilter(bodyWithoutLength ? new Bounded(req, limit) : req, res);
    }

    /** A request whose body, sent without a length, is read only up to the limit. */
    static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, (int) Math.min(len, limit - read + 1));
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new IOException("the request body is larger than " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
