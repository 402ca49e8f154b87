package hk.post.ecert.terminal;

import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.printer.ReceiptCodec;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job runs at most once, across repeats and restarts of the terminal. */
class JobRunnerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    @TempDir
    Path dir;

    private CounterDevices devices;
    private VirtualPrinter printer;

    @BeforeEach
    void devices() throws Exception {
        TerminalConfig config = new TerminalConfig("T1", List.of(java.net.URI.create("ws://localhost:1/")), dir, "",
                "virtual", "hk-big5-80", "", 9600);
        devices = CounterDevices.from(config);
        devices.printer().open();
        printer = devices.virtualPrinter().orElseThrow();
    }

    @AfterEach
    void close() {
        devices.close();
    }

    private JobRunner runner() throws Exception {
        return new JobRunner(new JobJournal(dir.resolve("jobs.journal")), devices, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DeviceJob printJob(String id, Instant expires) {
        ReceiptDocument receipt = ReceiptDocument.builder("R-" + id).title("RECEIPT 收據").text("Job " + id).cut().build();
        return new DeviceJob(id, "T1", JobKind.PRINT_RECEIPT, expires, ReceiptCodec.toMap(receipt));
    }

    @Test
    void aJobDeliveredTwicePrintsOnceAndAnswersWithItsFirstOutcome() throws Exception {
        JobRunner runner = runner();
        DeviceJob job = printJob("JOB-1", NOW.plusSeconds(600));
        JobResult first = runner.run(job);
        JobResult again = runner.run(job);
        assertEquals(JobOutcome.DONE, first.outcome());
        assertEquals(JobOutcome.DONE, again.outcome());
        assertEquals(first.detail(), again.detail());
        assertEquals(1, printer.receipts().size());
        assertTrue(first.evidence().get("text").contains("收據"), "the simulator's evidence comes with the result");
    }

    @Test
    void aJobRepeatedAfterARestartIsAnsweredFromTheJournal() throws Exception {
        runner().run(printJob("JOB-2", NOW.plusSeconds(600)));
        JobResult afterRestart = runner().run(printJob("JOB-2", NOW.plusSeconds(600)));
        assertEquals(JobOutcome.DONE, afterRestart.outcome());
        assertEquals(1, printer.receipts().size());
    }

    @Test
    void aJobInterruptedMidPrintIsReportedUnknownAndNeverReprinted() throws Exception {
        try (JobJournal journal = new JobJournal(dir.resolve("jobs.journal"))) {
            journal.started("JOB-3");   // the terminal died after this line, before the printer answered
        }
        // A crash can also tear the last line.
        Files.writeString(dir.resolve("jobs.journal"), "{\"event\":\"fini", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobResult r = runner().run(printJob("JOB-3", NOW.plusSeconds(600)));
        assertEquals(JobOutcome.UNKNOWN, r.outcome());
        assertEquals("INTERRUPTED", r.reason());
        assertEquals(0, printer.receipts().size());
    }

    @Test
    void anExpiredJobIsNotStarted() throws Exception {
        JobResult r = runner().run(printJob("JOB-4", NOW.minusSeconds(1)));
        assertEquals(JobOutcome.EXPIRED, r.outcome());
        assertEquals(0, printer.receipts().size());
    }

    @Test
    void aPrinterOutOfPaperFailsTheJobBeforeAnyByteIsSent() throws Exception {
        printer.setCondition(VirtualPrinter.Condition.PAPER_OUT);
        JobResult r = runner().run(printJob("JOB-5", NOW.plusSeconds(600)));
        assertEquals(JobOutcome.FAILED, r.outcome());
        assertEquals("PAPER_OUT", r.reason());
        printer.setCondition(VirtualPrinter.Condition.READY);
        assertEquals(JobOutcome.FAILED, runner().run(printJob("JOB-5", NOW.plusSeconds(600))).outcome(),
                "a repeat answers with the first outcome; a new attempt needs a new job");
        assertEquals(0, printer.receipts().size());
    }

    @Test
    void aScanUploadsEachPageOnceAndAJamReportsThePagesBeforeIt() throws Exception {
        java.util.List<String> uploaded = new java.util.ArrayList<>();
        JobRunner runner = new JobRunner(new JobJournal(dir.resolve("jobs.journal")), devices, Clock.fixed(NOW, ZoneOffset.UTC),
                (job, seq, dpi, mode, png) -> uploaded.add(job + "#" + seq + "@" + dpi + " " + png.length));
        var sim = devices.simulatedScanner().orElseThrow();
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(200, 300, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        sim.load(List.of(page, page, page));
        DeviceJob scan = new DeviceJob("SCAN-1", "T1", JobKind.SCAN_DOCUMENTS, NOW.plusSeconds(600),
                java.util.Map.of("source", "ADF", "mode", "GREY", "dpi", 300));
        JobResult done = runner.run(scan);
        assertEquals(JobOutcome.DONE, done.outcome(), done.detail());
        assertEquals("3", done.output().get("pages"));
        assertEquals(3, done.output().get("sha256").split(",").length);
        assertEquals(3, uploaded.size());
        assertTrue(uploaded.get(0).startsWith("SCAN-1#1@300"), uploaded.toString());
        assertEquals(done, runner.run(scan), "a scan job delivered twice is answered with its first outcome");
        assertEquals(3, uploaded.size(), "and scans nothing again");

        sim.load(List.of(page, page, page));
        sim.failWith(java.util.Optional.of(hk.post.ecert.devices.scanner.ScannerFault.JAMMED), 2);
        JobResult jammed = runner.run(new DeviceJob("SCAN-2", "T1", JobKind.SCAN_DOCUMENTS, NOW.plusSeconds(600),
                java.util.Map.of("source", "ADF", "mode", "GREY", "dpi", 300)));
        assertEquals(JobOutcome.FAILED, jammed.outcome());
        assertEquals("JAMMED", jammed.reason());
        assertEquals("2", jammed.output().get("pages"));
        assertEquals(5, uploaded.size());
    }

    private static DeviceJob eps(String jobId, JobKind kind, String paymentId) {
        return new DeviceJob(jobId, "T1", kind, NOW.plusSeconds(180), java.util.Map.of("paymentId", paymentId, "amountCents", 4800));
    }

    /**
     * Issue 17, the kiosk's EPS device through the job runner: a lost answer is asked for at once (a charge found is
     * reported as approved, a sale never seen as not found and cancelled in advance), an offline device fails before
     * anything is charged, and a repeated job answers with its first outcome without asking the device again.
     */
    @Test
    void anEpsSaleIsChargedAtMostOnceAndALostAnswerIsAskedForAtOnce() throws Exception {
        hk.post.ecert.devices.payment.simulated.SimulatedEps eps = new hk.post.ecert.devices.payment.simulated.SimulatedEps();
        devices.usePaymentDevice(eps);
        JobRunner runner = runner();

        JobResult approved = runner.run(eps("EPS-P1", JobKind.EPS_SALE, "P1"));
        assertEquals(JobOutcome.DONE, approved.outcome());
        assertEquals("APPROVED", approved.output().get("outcome"));
        assertTrue(!approved.output().get("approvalCode").isEmpty());
        JobResult repeat = runner.run(eps("EPS-P1", JobKind.EPS_SALE, "P1"));
        assertEquals("APPROVED", repeat.output().get("outcome"), "the journal answers a repeat with the first outcome");
        assertEquals(1, eps.charges());

        eps.behave(hk.post.ecert.devices.payment.simulated.SimulatedEps.Behaviour.TIMEOUT_AFTER_APPROVAL);
        JobResult lostAfterCharge = runner.run(eps("EPS-P2", JobKind.EPS_SALE, "P2"));
        assertEquals(JobOutcome.DONE, lostAfterCharge.outcome());
        assertEquals("APPROVED", lostAfterCharge.output().get("outcome"), "the status enquiry found the charge");
        assertEquals(2, eps.charges());

        eps.behave(hk.post.ecert.devices.payment.simulated.SimulatedEps.Behaviour.TIMEOUT_BEFORE_REACHING);
        JobResult lostOnTheWay = runner.run(eps("EPS-P3", JobKind.EPS_SALE, "P3"));
        assertEquals("NOT_FOUND", lostOnTheWay.output().get("outcome"));
        assertEquals(hk.post.ecert.devices.payment.PaymentResult.Outcome.CANCELLED, eps.status("P3").outcome(),
                "a sale never seen is cancelled in advance");
        assertEquals(hk.post.ecert.devices.payment.PaymentResult.Outcome.CANCELLED, eps.sale("P3", 4800).outcome(),
                "so that, arriving late, it is not charged");
        assertEquals(2, eps.charges());

        eps.behave(hk.post.ecert.devices.payment.simulated.SimulatedEps.Behaviour.OFFLINE);
        JobResult offline = runner.run(eps("EPS-P4", JobKind.EPS_SALE, "P4"));
        assertEquals(JobOutcome.FAILED, offline.outcome());
        assertEquals("DEVICE_OFFLINE", offline.reason());

        eps.behave(hk.post.ecert.devices.payment.simulated.SimulatedEps.Behaviour.DECLINE);
        assertEquals("DECLINED", runner.run(eps("EPS-P5", JobKind.EPS_SALE, "P5")).output().get("outcome"));
        assertEquals("DECLINED", runner.run(eps("EPS-P5-Q1", JobKind.EPS_STATUS, "P5")).output().get("outcome"),
                "a status enquiry answers what the device did");
        assertEquals(2, eps.charges());

        JobResult settled = runner.run(new DeviceJob("EPS-SETTLE-1", "T1", JobKind.EPS_SETTLE, NOW.plusSeconds(180),
                java.util.Map.of("batchId", "T1-2026-11-25")));
        assertEquals(JobOutcome.DONE, settled.outcome());
        assertEquals("2", settled.output().get("count"), "the two approved sales, not the declined or the cancelled");
        assertEquals("9600", settled.output().get("totalCents"));
        assertEquals("P1,P2", settled.output().get("paymentIds"));

        // issue 28: a kiosk EPS sale taken back goes to its card, once, under the refund id chosen before the first send
        JobResult refunded = runner.run(refund("EPS-REFUND-R1", "R1", "P1", 4800));
        assertEquals("APPROVED", refunded.output().get("outcome"), refunded.detail());
        assertEquals(refunded.output(), runner.run(refund("EPS-REFUND-R1", "R1", "P1", 4800)).output(), "a repeat is the same refund");
        assertEquals("DECLINED", runner.run(refund("EPS-REFUND-R2", "R2", "P1", 4800)).output().get("outcome"),
                "a sale is refunded once");
        assertEquals("DECLINED", runner.run(refund("EPS-REFUND-R3", "R3", "P5", 4800)).output().get("outcome"),
                "a declined sale has nothing to refund");
        assertEquals(1, eps.refunds());
        JobResult next = runner.run(new DeviceJob("EPS-SETTLE-2", "T1", JobKind.EPS_SETTLE, NOW.plusSeconds(180),
                java.util.Map.of("batchId", "T1-2026-11-26")));
        assertEquals("-4800", next.output().get("totalCents"), "the refund comes off the next batch");

        devices.usePaymentDevice(null);
        assertEquals("NO_PAYMENT_DEVICE", runner.run(eps("EPS-P6", JobKind.EPS_SALE, "P6")).reason(), "a counter PC has none");
    }

    private static DeviceJob refund(String jobId, String refundId, String paymentId, long cents) {
        return new DeviceJob(jobId, "T1", JobKind.EPS_REFUND, NOW.plusSeconds(180),
                java.util.Map.of("refundId", refundId, "paymentId", paymentId, "amountCents", cents));
    }
}
