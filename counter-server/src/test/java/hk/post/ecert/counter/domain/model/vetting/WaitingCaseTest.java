package hk.post.ecert.counter.domain.model.vetting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 33: HKPCA's queue — the oldest first, each case's age, and a flag past the set time. */
class WaitingCaseTest {

    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void theLongestWaitingComesFirstAndOnePastTheSetTimeIsFlagged() {
        WaitingCase fresh = new WaitingCase("RC-3", "GPO", NOW.minus(Duration.ofMinutes(45)));
        WaitingCase day = new WaitingCase("RC-2", "KCPO", NOW.minus(Duration.ofHours(26)));
        WaitingCase old = new WaitingCase("RC-1", "GPO", NOW.minus(Duration.ofDays(3).plusHours(4)));
        assertEquals(List.of("RC-1", "RC-2", "RC-3"), WaitingCase.oldestFirst(List.of(fresh, day, old)).stream().map(WaitingCase::caseRef).toList());
        Duration flagAfter = Duration.ofHours(24);
        assertFalse(fresh.overdue(NOW, flagAfter));
        assertTrue(day.overdue(NOW, flagAfter));
        assertEquals("45 min", WaitingCase.text(fresh.age(NOW)));
        assertEquals("1 d 2 h", WaitingCase.text(day.age(NOW)));
        assertEquals("3 d 4 h", WaitingCase.text(old.age(NOW)));
        assertEquals("2 h 5 min", WaitingCase.text(Duration.ofMinutes(125)));
        assertEquals(Duration.ZERO, new WaitingCase("RC-4", "GPO", NOW.plusSeconds(5)).age(NOW), "a clock a little ahead is no negative age");
    }
}
