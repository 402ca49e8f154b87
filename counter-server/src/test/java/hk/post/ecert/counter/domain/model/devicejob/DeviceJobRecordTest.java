package hk.post.ecert.counter.domain.model.devicejob;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A terminal's report is recorded whatever its length: a scan whose page upload met an error page reported that page as
 * its detail, the report did not fit its column, and the terminal — told to report again — sent it again and again,
 * holding up every report after it (found by bin/bench chaos).
 */
class DeviceJobRecordTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:40:00Z");

    @Test
    void aReportTooLongForItsRecordIsCutWithAnEllipsisNotRefused() {
        DeviceJobRecord job = new DeviceJobRecord("JOB-SCAN-1", "T1", "SCAN_DOCUMENTS", "scan", "{}", "clerk1", NOW, NOW.plusSeconds(600));
        String page = "upload of page 1 refused: <html><body>" + "x".repeat(5_000) + "</body></html>";
        assertTrue(job.outcomeWasReported(JobStatus.FAILED, "UPLOAD_FAILED_" + "Y".repeat(100), page, null, null, NOW));
        assertEquals(512, job.detail().orElseThrow().length());
        assertTrue(job.detail().orElseThrow().startsWith("upload of page 1 refused: <html>"));
        assertTrue(job.detail().orElseThrow().endsWith("…"));
        assertEquals(64, job.reason().orElseThrow().length());
        assertFalse(job.outcomeWasReported(JobStatus.DONE, null, "later", null, null, NOW), "only the first report counts");
    }

    @Test
    void aShortReportIsKeptAsItCameAndNothingIsCutInHalfACharacter() {
        assertEquals("PAPER_OUT", ReportedText.fit("PAPER_OUT", 64));
        assertEquals(null, ReportedText.fit(null, 64));
        String chinese = "𠀀".repeat(10);   // characters outside the BMP: two chars each
        String cut = ReportedText.fit(chinese, 6);
        assertTrue(cut.length() <= 6 && cut.endsWith("…"), cut);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "no half character before the ellipsis: " + cut);
    }
}
