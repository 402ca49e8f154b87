package hk.post.ecert.counter.domain.model.glance;

import hk.post.ecert.counter.domain.model.terminal.DeviceHistory;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counter's devices over the day (issue 33), drawn from the device history: for each device, the spans of the day in
 * each state it reported, from the start of the day (in the state it was last reported in before) to now.
 */
public record DeviceTimeline(String terminalId, List<Device> devices) {

    /** One span of a device's day in one state. */
    public record Span(String state, String detail, Instant from, Instant to) {
    }

    /** One device and its spans, in time order. */
    public record Device(String kind, String model, List<Span> spans) {

        /** "READY 08:00–10:12, FAULT 10:12–10:20 (paper out), READY 10:20–now" in the office's clock. */
        public String text(ZoneId zone, Instant now) {
            return text(zone, now, state -> state, "now");
        }

        /** The same, with the states and "now" in the reader's language. */
        public String text(ZoneId zone, Instant now, java.util.function.Function<String, String> stateName, String nowWord) {
            List<String> parts = new ArrayList<>();
            for (Span s : spans) {
                parts.add(stateName.apply(s.state()) + " " + clock(s.from(), zone) + "–" + (s.to().equals(now) ? nowWord : clock(s.to(), zone))
                        + (s.detail() == null || s.detail().isBlank() ? "" : " (" + s.detail() + ")"));
            }
            return String.join(", ", parts);
        }
    }

    /**
     * The timeline of a terminal's day from its history: {@code events} are the changes at or after {@code dayStart}
     * and, for each device, its last change before (any order); the spans end at {@code now}.
     */
    public static DeviceTimeline of(String terminalId, List<DeviceHistory.Event> events, Instant dayStart, Instant now) {
        Map<String, List<DeviceHistory.Event>> byDevice = new LinkedHashMap<>();
        events.stream().filter(e -> !e.at().isAfter(now))
                .sorted(Comparator.comparing(DeviceHistory.Event::kind).thenComparing(DeviceHistory.Event::at))
                .forEach(e -> byDevice.computeIfAbsent(e.kind() + "\u0000" + e.model(), k -> new ArrayList<>()).add(e));
        List<Device> devices = new ArrayList<>();
        byDevice.forEach((key, changes) -> {
            List<Span> spans = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                DeviceHistory.Event e = changes.get(i);
                Instant from = e.at().isBefore(dayStart) ? dayStart : e.at();
                Instant to = i + 1 < changes.size() ? changes.get(i + 1).at() : now;
                if (to.isBefore(dayStart) || !to.isAfter(from)) {
                    continue;   // superseded before the day began, or an instant span
                }
                Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (last != null && last.state().equals(e.state()) && last.to().equals(from)) {
                    spans.set(spans.size() - 1, new Span(last.state(), e.detail(), last.from(), to));   // only the detail changed
                } else {
                    spans.add(new Span(e.state(), e.detail(), from, to));
                }
            }
            if (!spans.isEmpty()) {
                devices.add(new Device(changes.get(0).kind(), changes.get(0).model(), List.copyOf(spans)));
            }
        });
        return new DeviceTimeline(terminalId, List.copyOf(devices));
    }

    /** Hours since the day's start with two decimals (for a chart's axis), e.g. 10:15 → 10.25. */
    public static java.math.BigDecimal hourOfDay(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return java.math.BigDecimal.valueOf(t.toSecondOfDay()).divide(java.math.BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP);
    }

    static String clock(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
