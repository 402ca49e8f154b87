package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.application.DispatchMedia;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /medium?ref=…}: the PKCS#12 file to write onto the medium posted by registered mail (a clerk or an
 * HKPCA officer; every download recorded). The file is encrypted under the PIN of the PIN envelope.
 */
@WebServlet("/medium")
public class MediumFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DispatchMedia media;

    @Inject
    CaseAccess access;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.isUserInRole("CLERK") && !req.isUserInRole("HKPCA_OFFICER")) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String ref = String.valueOf(req.getParameter("ref")).trim().toUpperCase();
        if (!access.mayRead(ref, req.getRemoteUser(), req.isUserInRole("HKPCA_OFFICER"))) {
            // another office's case is answered as if there were none: references cannot be probed (issue 31)
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<byte[]> file = ref.matches("[A-Z0-9-]{3,48}") ? media.download(ref, req.getRemoteUser(), req.getRemoteAddr())
                : Optional.empty();
        if (file.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType("application/x-pkcs12");
        resp.setHeader("Content-Disposition", "attachment; filename=\"ecert-" + ref + ".p12\"");
        resp.setContentLength(file.get().length);
        resp.getOutputStream().write(file.get());
    }
}
