package hk.post.ecert.counter.interfaces.kiosk;

import hk.post.ecert.counter.application.kiosk.Kiosks;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a kiosk's browser arrives with the one-time ticket its agent asked for (issue 17): the ticket is redeemed once,
 * any session the browser had is ended, and a new one is bound to the kiosk. Without a good ticket there is no kiosk
 * session.
 */
@WebServlet("/kiosk/start")
public class KioskStart extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The session attribute that binds a browser to its kiosk ({@link Kiosks.Binding}). */
    public static final String BINDING = "hk.post.ecert.counter.kiosk";

    @Inject
    Kiosks kiosks;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<Kiosks.Binding> binding = kiosks.redeem(req.getParameter("ticket"));
        res.setHeader("Cache-Control", "no-store");
        if (binding.isEmpty()) {
            // a bad ticket changes nothing (a link to here cannot end anybody's session)
            KioskGate.refuse(res, "This kiosk's ticket is not valid (used, expired or unknown). Touch the screen to start again.",
                    "此自助服務機的憑證無效（已使用、已過期或不明）。請輕觸螢幕重新開始。");
            return;
        }
        HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate();   // whatever the browser was before, it is this kiosk now
        }
        HttpSession session = req.getSession(true);
        session.setAttribute(BINDING, binding.get());
        session.setMaxInactiveInterval(8 * 3600);
        res.sendRedirect(req.getContextPath() + "/kiosk/index.xhtml");
    }
}
