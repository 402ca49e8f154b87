package hk.post.ecert.terminal;

import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.scanner.DocumentScanner;
import hk.post.ecert.devices.scanner.ScanRequest;
import hk.post.ecert.devices.scanner.ScannedImage;
import hk.post.ecert.devices.scanner.sane.PnmFiles;
import hk.post.ecert.devices.scanner.sane.PrivateSaned;
import hk.post.ecert.devices.token.simulated.SoftHsm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter PC's real devices as its settings name them: a SANE device with its own options, a SoftHSM2 token. */
class CounterPcDevicesTest {

    @TempDir
    Path dir;

    @Test
    void aSaneDevicesOwnOptionsComeFromTheSettingsTheFilenameOfThePnmBackend() throws Exception {
        assertTrue(PrivateSaned.installed(), "saned (sane-utils) is needed (bin/test installs it)");
        BufferedImage page = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        page.getGraphics().fillRect(100, 100, 200, 50);
        Path file = dir.resolve("page.pgm");
        PnmFiles.write(page, file);
        try (PrivateSaned saned = new PrivateSaned(Files.createDirectories(dir.resolve("saned")))) {
            Path props = dir.resolve("terminal.properties");
            Files.writeString(props, String.join("\n", "terminal.id=T1", "terminal.servers=ws://127.0.0.1:1/",
                    "scanner.backend=sane", "scanner.sane.address=127.0.0.1:" + saned.port, "scanner.sane.device=pnm:0",
                    "scanner.sane.option.filename=" + file, ""));
            TerminalConfig config = TerminalConfig.load(props);
            assertEquals(file.toString(), config.scanner().get("scanner.sane.option.filename"));
            DocumentScanner scanner = CounterDevices.scannerFrom(config.scanner());
            List<ScannedImage> pages = scanner.scan(new ScanRequest(ScanRequest.Source.FLATBED, ScanRequest.Mode.GREY, 150), p -> { });
            assertEquals(1, pages.size());
            assertEquals(620, pages.get(0).image().getWidth(), "the page of the file named, not the pnm backend's default");
            assertEquals(877, pages.get(0).image().getHeight());
        }
    }

    @Test
    void aNewAttemptRemovesWhatTheCasesEarlierAttemptsLeftOnTheToken() throws Exception {
        assertTrue(SoftHsm.installed(), "SoftHSM2 and pkcs11-tool are needed (bin/test installs them)");
        SoftHsm.configure();
        String label = "cust-" + Long.toHexString(System.nanoTime());
        SoftHsm.initToken(label, "1234");
        try (CounterDevices devices = CounterDevices.from(new TerminalConfig("T1", List.of(java.net.URI.create("ws://localhost:1/")),
                dir, "", "virtual", "hk-big5-80", "", 9600))) {
            JobRunner runner = new JobRunner(new JobJournal(dir.resolve("jobs.journal")), devices, Clock.systemUTC());
            String first = keyId("TR-RC-1-1");
            String second = keyId("TR-RC-1-2");
            // attempt 1 made its key pair; its answer never reached the server (the PC lost power): the attempt failed
            assertEquals(JobOutcome.DONE, runner.run(keyJob("JOB-1", label, first, List.of())).outcome());
            assertTrue(objects(label).contains("ID: " + first), objects(label));
            JobResult again = runner.run(keyJob("JOB-2", label, second, List.of(first)));
            assertEquals(JobOutcome.DONE, again.outcome(), again.detail());
            String after = objects(label);
            assertFalse(after.contains("ID: " + first), "attempt 1's key pair is gone:\n" + after);
            assertTrue(after.contains("ID: " + second), after);
            // a wrong PIN removes nothing and makes nothing
            Map<String, Object> wrong = new LinkedHashMap<>(keyJob("JOB-3", label, keyId("TR-RC-1-3"), List.of(second)).payload());
            wrong.put("pin", "9999");
            JobResult refused = runner.run(new DeviceJob("JOB-3", "T1", JobKind.TOKEN_GENERATE_KEY, Instant.now().plusSeconds(600), wrong));
            assertEquals(JobOutcome.FAILED, refused.outcome());
            assertTrue(objects(label).contains("ID: " + second));
        } finally {
            SoftHsm.deleteToken(label);
        }
    }

    private static String keyId(String renewalId) {
        return HexFormat.of().formatHex(renewalId.getBytes(StandardCharsets.US_ASCII));
    }

    private static DeviceJob keyJob(String jobId, String label, String keyId, List<String> discard) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("profile", "softhsm2");
        p.put("label", label);
        p.put("keyId", keyId);
        p.put("subject", "CN=WONG SIU MING,O=e-Cert Counter (TEST),C=HK");
        p.put("discard", discard);
        p.put("pin", "1234");
        return new DeviceJob(jobId, "T1", JobKind.TOKEN_GENERATE_KEY, Instant.now().plusSeconds(600), p);
    }

    private static String objects(String label) {
        return SoftHsm.pkcs11Tool(label, "--login", "--pin", "1234", "-O").out().replaceAll("[ \\t]+", " ");
    }
}
