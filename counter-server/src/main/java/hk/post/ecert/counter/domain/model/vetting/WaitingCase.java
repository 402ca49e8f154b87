package hk.post.ecert.counter.domain.model.vetting;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A case in HKPCA's vetting queue (issue 33): its office and since when it has waited. The oldest comes first, and one
 * waiting longer than the time HKPCA sets is flagged.
 */
public record WaitingCase(String caseRef, String office, Instant since) {

    public Duration age(Instant now) {
        return since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }

    /** Waiting longer than {@code flagAfter}. */
    public boolean overdue(Instant now, Duration flagAfter) {
        return age(now).compareTo(flagAfter) > 0;
    }

    /** The queue in the order an officer takes it: the longest waiting first (then by reference, for a stable order). */
    public static List<WaitingCase> oldestFirst(List<WaitingCase> cases) {
        return cases.stream().sorted(Comparator.comparing(WaitingCase::since).thenComparing(WaitingCase::caseRef)).toList();
    }

    /** An age as an officer reads it: "45 min", "3 h 20 min", "2 d 4 h". */
    public static String text(Duration age) {
        long minutes = age.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " d " + (minutes % (24 * 60)) / 60 + " h";
    }
}
