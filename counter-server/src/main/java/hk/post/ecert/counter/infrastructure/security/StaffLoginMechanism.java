package hk.post.ecert.counter.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Staff log in with the login form ({@code j_security_check}); the identity store checks the PBKDF2 hash and reads
 * the roles. The caller and the roles are kept in the HTTP session and handed to the container on every request.
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

    @Inject
    IdentityStoreHandler identityStore;

    @Override
    @SuppressWarnings("unchecked")
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        try {
            if ("POST".equals(req.getMethod()) && req.getRequestURI().endsWith("/j_security_check")) {
                return login(req, res);
            }
            HttpSession session = req.getSession(false);
            if (session != null && session.getAttribute(CALLER) != null) {
                return ctx.notifyContainerAboutLogin((String) session.getAttribute(CALLER), (Set<String>) session.getAttribute(GROUPS));
            }
            if (ctx.isProtected()) {
                String target = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
                if ("GET".equals(req.getMethod())) {
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
        CredentialValidationResult r = user == null || password == null ? CredentialValidationResult.INVALID_RESULT
                : identityStore.validate(new UsernamePasswordCredential(user.trim(), new Password(password)));
        if (r.getStatus() != CredentialValidationResult.Status.VALID) {
            res.sendRedirect(req.getContextPath() + "/login.xhtml?error=true");
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = req.getSession(false);
        String saved = old == null ? null : (String) old.getAttribute(SAVED);
        if (old != null) {
            req.changeSessionId();   // no session fixation across the login
        }
        HttpSession session = req.getSession(true);
        session.removeAttribute(SAVED);
        session.setAttribute(CALLER, r.getCallerPrincipal().getName());
        session.setAttribute(GROUPS, new HashSet<>(r.getCallerGroups()));
        res.sendRedirect(saved != null && saved.startsWith(req.getContextPath() + "/") ? saved : req.getContextPath() + "/index.xhtml");
        return AuthenticationStatus.SEND_CONTINUE;
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
