package hk.post.ecert.counter.domain.model.glance;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.domain.model.till.TenderKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An office at a glance (issue 33): today's takings by tender and by hour and the services sold, beside the same
 * weekday last week (both folded from the journal); the kiosk queue and the counters open; each counter's devices over
 * the day; and the things that wait for a person.
 */
public record OfficeGlance(String office, LocalDate day, Figures today, Figures lastWeek, Queue queue,
                           List<DeviceTimeline> devices, List<ActOn> actOn) {

    /** One day's money as the journal has it. */
    public record Figures(LocalDate day, Map<TenderKind, long[]> byTender, Map<Integer, long[]> byHour,
                          Map<String, long[]> byService, Money net, int sales) {

        public static Figures of(DayReport r) {
            return new Figures(r.day(), r.byTender(), r.byHour(), r.byService(), r.netTakings(), r.sales());
        }

        public long tenderCents(TenderKind k) {
            long[] a = byTender.get(k);
            return a == null ? 0 : a[1];
        }

        public long hourCents(int hour) {
            long[] a = byHour.get(hour);
            return a == null ? 0 : a[1];
        }

        public long serviceCount(String service) {
            long[] a = byService.get(service);
            return a == null ? 0 : a[0];
        }
    }

    /** A kiosk ticket of the day: taken at, called at (if called). */
    public record Ticket(String number, Instant takenAt, Optional<Instant> calledAt) {
    }

    /** The kiosk queue now: tickets waiting, the average wait of those called today, the longest wait now. */
    public record Queue(List<String> waiting, Optional<Duration> averageWait, Optional<Duration> longestWaiting, int countersOpen) {

        public static Queue of(List<Ticket> tickets, Instant now, int countersOpen) {
            List<String> waiting = tickets.stream().filter(t -> t.calledAt().isEmpty()).map(Ticket::number).sorted().toList();
            List<Long> waits = tickets.stream().filter(t -> t.calledAt().isPresent())
                    .map(t -> Math.max(0, Duration.between(t.takenAt(), t.calledAt().get()).getSeconds())).toList();
            Optional<Duration> average = waits.isEmpty() ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(waits.stream().mapToLong(Long::longValue).sum() / waits.size()));
            Optional<Duration> longest = tickets.stream().filter(t -> t.calledAt().isEmpty())
                    .map(t -> t.takenAt().isAfter(now) ? Duration.ZERO : Duration.between(t.takenAt(), now)).max(Duration::compareTo);
            return new Queue(waiting, average, longest, countersOpen);
        }
    }

    /** The services a chart shows, in a stable order: every one sold today or on the same weekday last week. */
    public List<String> services() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(today.byService().keySet());
        all.addAll(lastWeek.byService().keySet());
        return List.copyOf(all);
    }

    /** The tenders a chart shows: cash always, and any other taken today or on the same weekday last week. */
    public List<TenderKind> tenders() {
        return java.util.Arrays.stream(TenderKind.values())
                .filter(k -> k == TenderKind.CASH || today.byTender().containsKey(k) || lastWeek.byTender().containsKey(k)).toList();
    }

    /** The hours a chart shows: the office's day (08:00–19:00) and any hour with takings today or last week. */
    public List<Integer> hours() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (int h = 8; h <= 19; h++) {
            all.add(h);
        }
        all.addAll(today.byHour().keySet());
        all.addAll(lastWeek.byHour().keySet());
        return List.copyOf(all);
    }

    /** The things that wait for a person, the ones with anything waiting first. */
    public List<ActOn> waitingFirst() {
        return actOn.stream().sorted(java.util.Comparator.comparing(ActOn::clear)).toList();
    }

    /** How many things of every kind wait, together. */
    public int toActOn() {
        return actOn.stream().mapToInt(ActOn::count).sum();
    }
}
