package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.officeday.OfficeDays;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.pos.PointOfSale;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The stored Z report of a closed office day, as PDF or CSV: {@code /supervisor/z-report?date=2026-11-25&format=pdf}.
 * Supervisors only (web.xml), for their own office.
 */
@WebServlet("/supervisor/z-report")
public class ZReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PointOfSale pos;

    @Inject
    OfficeDays days;

    @Inject
    CounterOverview counters;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String office = counters.placeOf(req.getUserPrincipal().getName()).office();
        LocalDate day;
        try {
            day = req.getParameter("date") == null ? pos.today() : LocalDate.parse(req.getParameter("date"));
        } catch (DateTimeParseException e) {
            resp.sendError(400, "date must be YYYY-MM-DD");
            return;
        }
        Optional<String[]> report = days.storedReport(office, day);
        if (report.isEmpty()) {
            resp.sendError(404, "the office day " + office + " " + day + " has not been closed");
            return;
        }
        String name = "z-report-" + office + "-" + day;
        if ("csv".equals(req.getParameter("format"))) {
            resp.setContentType("text/csv; charset=UTF-8");
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            resp.getOutputStream().write(report.get()[0].getBytes(StandardCharsets.UTF_8));
        } else {
            resp.setContentType("application/pdf");
            resp.setHeader("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
            resp.getOutputStream().write(Base64.getDecoder().decode(report.get()[1]));
        }
    }
}
