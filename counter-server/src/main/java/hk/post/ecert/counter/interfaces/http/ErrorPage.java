package hk.post.ecert.counter.interfaces.http;

import hk.post.ecert.counter.application.Correlation;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error the container answers (issue 31, finding 10): a generic page in both languages with the status and the
 * request's correlation id to quote, and nothing of the server inside — no exception class, message or stack, no
 * server name or version. The exception itself goes to the server log under the same correlation id.
 */
@WebServlet("/error-page")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        String id = res.getHeader(Correlation.HEADER);
        if (id == null) {
            id = Correlation.adopt(null);
        }
        Object thrown = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof Throwable t) {
            String cid = id;
            LOG.log(Level.WARNING, t, () -> "request " + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + " failed (correlation id " + cid + ")");
        }
        String en = switch (status) {
            case 400 -> "This request could not be understood.";
            case 403 -> "You may not open this page.";
            case 404 -> "There is no such page.";
            case 405 -> "This page does not accept that kind of request.";
            case 413 -> "The request is larger than this address accepts.";
            default -> "Something went wrong on the server. Nothing more was done.";
        };
        String zh = switch (status) {
            case 400 -> "無法理解此要求。";
            case 403 -> "你無權開啟此頁。";
            case 404 -> "沒有此頁。";
            case 405 -> "此頁不接受這類要求。";
            case 413 -> "要求超出此網址可接受的大小。";
            default -> "伺服器出現問題，並未進行其他操作。";
        };
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " e-Cert Counter</title></head>"
                + "<body><main><h1>" + en + "</h1><p lang=\"zh-HK\">" + zh + "</p>"
                + "<p>Reference 參考編號: <code id=\"correlationId\">" + escape(id) + "</code></p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("text/html;charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
