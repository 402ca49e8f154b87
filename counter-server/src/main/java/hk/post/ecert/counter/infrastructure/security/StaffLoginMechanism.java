package hk.post.ecert.counter.infrastructure.security;

import hk.post.ecert.counter.interfaces.http.CrossSiteRequests;
import hk.post.ecert.counter.interfaces.http.RequestPaths;
import hk.post.ecert.counter.application.StaffAccess;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Staff log in with the login form ({@code j_security_check}); {@link StaffAccess} throttles, the identity store checks
 * the PBKDF2 hash and reads the roles. The caller and the roles are kept in the HTTP session and handed to the container on every request.
 *
 * <p>Jakarta Security's built-in form mechanism re-applies a session with the caller only and lets the container
 * find the roles again; under concurrent load on Payara that lookup sometimes came back empty and logged-in clerks
 * got 403 (as payara/Payara#6145 describes). Passing the roles explicitly each time does not depend on it.
 */
@ApplicationScoped
public class StaffLoginMechanism implements HttpAuthenticationMechanism {

    static final String CALLER = "hk.post.ecert.staff.caller";
    static final String GROUPS = "hk.post.ecert.staff.groups";
    static final String SAVED = "hk.post.ecert.staff.saved";
    static final String STAMP = "hk.post.ecert.staff.stamp";

    @Inject
    StaffAccess access;

    @Inject
    StaffSecurity security;

    @Inject
    OperatorToken operator;

    /** The operators' endpoints: MicroProfile Metrics and the terminal inventory. */
    static boolean operatorPath(HttpServletRequest req) {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return path.equals("/metrics") || path.startsWith("/metrics/") || path.equals("/api/terminals") || path.startsWith("/api/terminals/");
    }

    @Override
    @SuppressWarnings("unchecked")
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        try {
            if ("POST".equals(req.getMethod()) && req.getRequestURI().endsWith("/j_security_check")) {
                if (CrossSiteRequests.fromAnotherOrigin(req)) {
                    res.sendError(HttpServletResponse.SC_FORBIDDEN, "a login from another origin is refused");
                    return AuthenticationStatus.SEND_FAILURE;
                }
                return login(req, res);
            }
            if (req.getHeader("Authorization") != null && operatorPath(req) && operator.presentedIn(req.getHeader("Authorization"))) {
                // a monitoring system with the operators' token: the operator endpoints only, no session
                return ctx.notifyContainerAboutLogin("operator", Set.of(OperatorToken.ROLE));
            }
            HttpSession session = req.getSession(false);
            if (session != null && session.getAttribute(CALLER) != null) {
                String caller = (String) session.getAttribute(CALLER);
                // A deactivated account, or one that lost a role since this session began, has a new stamp: the
                // session ends here, on every instance, at the next request.
                if (security.sessionStamp(caller).filter(s -> s.equals(session.getAttribute(STAMP))).isPresent()) {
                    return ctx.notifyContainerAboutLogin(caller, (Set<String>) session.getAttribute(GROUPS));
                }
                session.invalidate();
            }
            if (ctx.isProtected()) {
                String target = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
                if ("GET".equals(req.getMethod()) && RequestPaths.sameApplication(req.getContextPath(), target).isPresent()) {
                    req.getSession(true).setAttribute(SAVED, target);
                }
                res.sendRedirect(req.getContextPath() + "/login.xhtml");
                return AuthenticationStatus.SEND_CONTINUE;
            }
            return ctx.doNothing();
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus login(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String user = req.getParameter("j_username");
        String password = req.getParameter("j_password");
        StaffAccess.Outcome r = access.check(user, password == null ? null : password.toCharArray(), req.getRemoteAddr(),
                StaffAccess.Purpose.LOGIN);
        if (!r.valid()) {
            String why = switch (r.result()) {
                case LOCKED -> "locked";
                case WAIT -> "wait&seconds=" + Math.max(1, r.retryAfter().toSeconds());
                default -> "true";
            };
            res.sendRedirect(req.getContextPath() + "/login.xhtml?error=" + why);
            return AuthenticationStatus.SEND_FAILURE;
        }
        java.util.Optional<Long> stamp = security.sessionStamp(r.username());
        HttpSession old = req.getSession(false);
        String saved = old == null ? null : (String) old.getAttribute(SAVED);
        if (old != null) {
            req.changeSessionId();   // no session fixation across the login
        }
        HttpSession session = req.getSession(true);
        session.removeAttribute(SAVED);
        session.setAttribute(CALLER, r.username());
        session.setAttribute(GROUPS, new HashSet<>(r.groups()));
        session.setAttribute(STAMP, stamp.orElse(-1L));
        sameSiteSessionCookie(req, res, session);
        // a path in this application, or the home page: never another host (//evil.example/…), scheme or odd path
        res.sendRedirect(RequestPaths.sameApplication(req.getContextPath(), saved).orElse(req.getContextPath() + "/index.xhtml"));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * The logged-in session's cookie again, now {@code SameSite=Lax} (no cookie on a cross-site POST), and
     * {@code Secure} over HTTPS. The container's own Set-Cookie carries neither SameSite setting of Servlet 6 on this
     * Payara; a browser keeps the last of two cookies with the same name and path, which is this one.
     */
    private static void sameSiteSessionCookie(HttpServletRequest req, HttpServletResponse res, HttpSession session) {
        String name = req.getServletContext().getSessionCookieConfig().getName();
        String path = req.getContextPath().isEmpty() ? "/" : req.getContextPath();
        res.addHeader("Set-Cookie", (name == null ? "JSESSIONID" : name) + "=" + session.getId() + "; Path=" + path
                + "; HttpOnly; SameSite=Lax" + (req.isSecure() ? "; Secure" : ""));
    }

    @Override
    public void cleanSubject(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
            session.removeAttribute(GROUPS);
        }
    }
}
