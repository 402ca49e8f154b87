package hk.post.ecert.counter.interfaces.http;

import hk.post.ecert.counter.application.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Gives every request a correlation id ({@link Correlation}) and names it in the response's {@code X-Correlation-Id},
 * so a clerk's screen action, the device job it records and the terminal's run of that job share one id in the logs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorrelationIds extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String id = Correlation.adopt(req.getHeader(Correlation.HEADER));
        Correlation.set(id);
        res.setHeader(Correlation.HEADER, id);
        try {
            chain.doFilter(req, res);
        } finally {
            Correlation.clear();
        }
    }
}
