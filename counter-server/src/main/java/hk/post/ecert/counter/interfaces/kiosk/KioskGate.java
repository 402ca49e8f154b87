package hk.post.ecert.counter.interfaces.kiosk;

import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.interfaces.http.RequestPaths;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The kiosk's door (issue 17), both ways. A session bound to a kiosk reaches the kiosk's screens and their resources
 * and nothing else — no staff page, no login, no API — and ends when its kiosk is revoked. The kiosk's screens are
 * reached only by such a session.
 */
@WebFilter(urlPatterns = "/*")
public class KioskGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Kiosks kiosks;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        // decided on the path the container serves (servlet path and path info, normalised), never on the raw URI;
        // a raw URI that normalises to another path is refused before this by RequestLimits (issue 31, finding 8)
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        HttpSession session = req.getSession(false);
        Object bound = session == null ? null : session.getAttribute(KioskStart.BINDING);
        if ((bound != null || path.startsWith("/kiosk")) && !RequestPaths.plain(req.getRequestURI().substring(req.getContextPath().length()))) {
            refuse(res, "This address is not a plain path.", "此網址並非正常路徑。");
            return;
        }
        boolean kioskPath = path.startsWith("/kiosk/");
        if (bound instanceof Kiosks.Binding b) {
            if (kiosks.binding(b.terminalId()).isEmpty()) {
                session.invalidate();
                refuse(res, "This kiosk is no longer enrolled.", "此自助服務機已不再登記。");
                return;
            }
            if (!kioskPath && !resource(path)) {
                refuse(res, "A kiosk reaches the kiosk's own screens only.", "自助服務機只可使用其本身的畫面。");
                return;
            }
        } else if (kioskPath && !"/kiosk/start".equals(path)) {
            refuse(res, "This screen is for a self-service kiosk.", "此畫面只供自助服務機使用。");
            return;
        }
        chain.doFilter(req, res);
    }

    /** The shared resources a kiosk's screens need (styles, scripts, images). */
    private static boolean resource(String path) {
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/") || path.equals("/favicon.ico");
    }

    static void refuse(HttpServletResponse res, String en, String zh) throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused 拒絕</title></head><body><main>"
                + "<h1>" + en + "</h1><p lang=\"zh-HK\">" + zh + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        res.setStatus(HttpServletResponse.SC_FORBIDDEN);
        res.setContentType("text/html;charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
