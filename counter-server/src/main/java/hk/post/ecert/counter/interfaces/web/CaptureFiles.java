package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.domain.model.capture.CaptureRefusal;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * PDFs of a case for staff: {@code /capture/file?case=RC-1&form=CPos%20798A} (the pre-filled form to print) and
 * {@code /capture/file?case=RC-1&doc=FORM%20CPos%20798A} (an archived document of a submitted case).
 */
@WebServlet("/capture/file")
public class CaptureFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CaptureDesk capture;

    @jakarta.inject.Inject
    CaseAccess access;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String caseRef = req.getParameter("case");
        if (caseRef != null && !access.mayRead(caseRef, req.getRemoteUser(), req.isUserInRole("HKPCA_OFFICER"))) {
            // another office's case is answered as if there were none: references cannot be probed (issue 31)
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<CaptureCase> k = caseRef == null ? Optional.empty() : capture.find(caseRef);
        if (k.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        String name;
        try {
            if (req.getParameter("form") != null) {
                pdf = capture.formPdf(k.get(), req.getParameter("form"));
                name = k.get().caseRef() + " " + req.getParameter("form");
            } else {
                Optional<byte[]> doc = capture.documentPdf(k.get().caseRef(), String.valueOf(req.getParameter("doc")));
                if (doc.isEmpty()) {
                    resp.sendError(404, "no such document");
                    return;
                }
                pdf = doc.get();
                name = k.get().caseRef() + " " + req.getParameter("doc");
            }
        } catch (CaptureRefusal e) {
            resp.sendError(404, e.getMessage());
            return;
        }
        resp.setContentType("application/pdf");
        resp.setHeader("Content-Disposition", "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9 ._-]", "_") + ".pdf\"");
        resp.setContentLength(pdf.length);
        resp.getOutputStream().write(pdf);
    }
}
