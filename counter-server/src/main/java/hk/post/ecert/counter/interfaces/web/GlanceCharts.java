package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.glance.DeviceTimeline;
import hk.post.ecert.counter.domain.model.glance.OfficeGlance;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.devices.wire.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The supervisor's charts (issue 33) as Chart.js configurations for PrimeFaces' {@code p:chart}: built from the office
 * at a glance, never drawn by hand. Money goes to the chart as HKD with two decimals, from cents. Colours keep 3:1
 * against the page's white (WCAG 1.4.11): today dark blue, the same weekday last week grey.
 */
public final class GlanceCharts {

    static final String TODAY = "#1f4e79";
    static final String LAST_WEEK = "#6b6b6b";
    static final Map<String, String> STATE_COLOURS = Map.of("READY", "#1b7a3a", "WARNING", "#8a5a00",
            "FAULT", "#b00020", "NO_HARDWARE", "#4d4d4d");

    private GlanceCharts() {
    }

    /** Labels as the screen's language gives them. */
    public record Texts(String today, String lastWeek, String hkd, String count, Function<TenderKind, String> tender,
                        Function<String, String> service, Function<String, String> device, Function<String, String> state) {
    }

    public static String byTender(OfficeGlance g, Texts t) {
        List<String> labels = new ArrayList<>();
        List<Object> today = new ArrayList<>();
        List<Object> lastWeek = new ArrayList<>();
        for (TenderKind k : g.tenders()) {
            labels.add(t.tender().apply(k));
            today.add(hkd(g.today().tenderCents(k)));
            lastWeek.add(hkd(g.lastWeek().tenderCents(k)));
        }
        return bars(labels, today, lastWeek, t, t.hkd(), false);
    }

    public static String byHour(OfficeGlance g, Texts t) {
        List<String> labels = new ArrayList<>();
        List<Object> today = new ArrayList<>();
        List<Object> lastWeek = new ArrayList<>();
        for (int h : g.hours()) {
            labels.add(String.format("%02d:00", h));
            today.add(hkd(g.today().hourCents(h)));
            lastWeek.add(hkd(g.lastWeek().hourCents(h)));
        }
        return bars(labels, today, lastWeek, t, t.hkd(), false);
    }

    public static String byService(OfficeGlance g, Texts t) {
        List<String> labels = new ArrayList<>();
        List<Object> today = new ArrayList<>();
        List<Object> lastWeek = new ArrayList<>();
        for (String s : g.services()) {
            labels.add(t.service().apply(s));
            today.add(g.today().serviceCount(s));
            lastWeek.add(g.lastWeek().serviceCount(s));
        }
        return bars(labels, today, lastWeek, t, t.count(), true);
    }

    /** A terminal's devices over the day: one row per device, a floating bar per span, coloured by state. */
    public static String devices(DeviceTimeline timeline, Texts t) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Object>> byState = new LinkedHashMap<>();
        for (DeviceTimeline.Device d : timeline.devices()) {
            String row = t.device().apply(d.kind());
            labels.add(row);
            for (DeviceTimeline.Span s : d.spans()) {
                byState.computeIfAbsent(s.state(), k -> new ArrayList<>()).add(Map.of("y", row, "x",
                        List.of(hour(s.from()), hour(s.to()))));
            }
        }
        List<Object> datasets = new ArrayList<>();
        byState.forEach((state, points) -> {
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("label", t.state().apply(state));
            ds.put("data", points);
            ds.put("backgroundColor", STATE_COLOURS.getOrDefault(state, LAST_WEEK));
            datasets.add(ds);
        });
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", "linear");
        x.put("min", 0);
        x.put("max", 24);
        x.put("ticks", Map.of("stepSize", 2));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("indexAxis", "y");
        options.put("animation", false);
        options.put("maintainAspectRatio", false);
        options.put("grouped", false);
        options.put("scales", Map.of("x", x, "y", Map.of("type", "category", "labels", labels)));
        return config("bar", Map.of("labels", labels, "datasets", datasets), options);
    }

    private static String bars(List<String> labels, List<Object> today, List<Object> lastWeek, Texts t, String axis, boolean whole) {
        List<Object> datasets = List.of(dataset(t.today(), today, TODAY), dataset(t.lastWeek(), lastWeek, LAST_WEEK));
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("beginAtZero", true);
        y.put("title", Map.of("display", true, "text", axis));
        if (whole) {
            y.put("ticks", Map.of("precision", 0));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("animation", false);
        options.put("maintainAspectRatio", false);
        options.put("scales", Map.of("y", y));
        return config("bar", Map.of("labels", labels, "datasets", datasets), options);
    }

    private static Map<String, Object> dataset(String label, List<Object> data, String colour) {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("label", label);
        ds.put("data", data);
        ds.put("backgroundColor", colour);
        return ds;
    }

    private static String config(String type, Map<String, Object> data, Map<String, Object> options) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("data", data);
        c.put("options", options);
        return Json.write(c);
    }

    static BigDecimal hkd(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** An instant as hours of the office's day with two decimals (10:15 → 10.25), for the timeline's axis. */
    static BigDecimal hour(Instant at) {
        return DeviceTimeline.hourOfDay(at, TillSession.HONG_KONG);
    }
}
