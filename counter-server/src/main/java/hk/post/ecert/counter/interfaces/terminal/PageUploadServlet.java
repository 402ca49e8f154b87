package hk.post.ecert.counter.interfaces.terminal;

import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.domain.model.capture.CaptureRefusal;
import hk.post.ecert.devices.wire.Protocol;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Where terminals upload scanned pages: {@code POST /terminal/pages} with the PNG as the body and the terminal id,
 * job, page number, SHA-256 and the terminal's Ed25519 signature over them in headers. No staff login: the
 * signature is the authentication, checked against the key bound at enrolment.
 */
@WebServlet(Protocol.PAGE_UPLOAD_PATH)
public class PageUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PageUploadServlet.class.getName());
    /** A 600-dpi colour A4 page as PNG stays well under this. */
    static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

    @Inject
    CaptureDesk capture;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getContentLengthLong() > MAX_PAGE_BYTES) {
            resp.sendError(413, "page too large");
            return;
        }
        try {
            // Who sent it, for which scan job, signed: checked from the headers before a byte of the body is read.
            capture.authorisePage(header(req, "X-Terminal-Id"), header(req, "X-Job-Id"), Integer.parseInt(header(req, "X-Page")),
                    header(req, "X-Sha256"), header(req, "X-Signature"));
        } catch (SecurityException e) {
            LOG.warning(() -> "page refused before its body was read: " + e.getMessage());
            resp.sendError(403, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            resp.sendError(400, e.getMessage());
            return;
        }
        byte[] png = req.getInputStream().readNBytes(MAX_PAGE_BYTES + 1);
        if (png.length > MAX_PAGE_BYTES) {
            resp.sendError(413, "page too large");
            return;
        }
        try {
            capture.receivePage(header(req, "X-Terminal-Id"), header(req, "X-Job-Id"), Integer.parseInt(header(req, "X-Page")),
                    Integer.parseInt(header(req, "X-Dpi")), header(req, "X-Mode"), header(req, "X-Sha256"),
                    header(req, "X-Signature"), png);
            resp.setStatus(204);
        } catch (SecurityException e) {
            LOG.warning(() -> "page refused: " + e.getMessage());
            resp.sendError(403, e.getMessage());
        } catch (CaptureRefusal e) {
            resp.sendError(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            resp.sendError(400, e.getMessage());
        }
    }

    private static String header(HttpServletRequest req, String name) {
        String v = req.getHeader(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v.trim();
    }
}
