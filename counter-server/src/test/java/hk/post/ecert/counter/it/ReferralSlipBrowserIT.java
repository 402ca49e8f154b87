package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.TopBar;
import hk.post.ecert.counter.it.screens.TriageScreen;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.serial.SerialPrinterLink;
import hk.post.ecert.devices.printer.simulated.SocatPair;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import hk.post.ecert.terminal.CounterDevices;
import hk.post.ecert.terminal.TerminalConfig;
import hk.post.ecert.terminal.TerminalAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end in headless Chromium: a clerk logs in, triages an e-Cert (Organisational Role)
 * certificate from Hospital Authority, prints the referral slip, and the counter's connected terminal's printer
 * receives it.
 */
@ExtendWith(CounterServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(14)   // when it starts in a parallel run (issue 32): see CounterServer
@ResourceLock(CounterServer.SHARED)   // one class at a time on the shared server (its demo terminal)
class ReferralSlipBrowserIT {


    URL base;

    private static TerminalAgent terminal;
    private static Path terminalDataDir;
    private static Browser chromium;
    private static WebDriver browser;

    @BeforeAll
    static void browser() throws Exception {
        chromium = new Browser();
        browser = chromium.driver;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return chromium.waitUpTo(seconds);
    }

    private void choose(String menuId, String value) {
        chromium.choose(menuId, value);
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    @Test
    @Order(1)
    void aClerkPrintsAReferralSlipOnTheCountersPrinter() throws Exception {
        terminalDataDir = Terminals.demoDataDir(base);   // the demo terminal as this server knows it
        terminal = Terminals.demoTerminal(base, terminalDataDir);
        assertTrue(terminal.awaitOnline(Duration.ofSeconds(30)), "the demo terminal enrols and comes online");
        VirtualPrinter printer = terminal.devices().virtualPrinter().orElseThrow();

        chromium.login(base.toString(), "clerk1", "Clerk#2026");
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".terminal-status"), "online"));
        assertTrue(browser.findElement(By.cssSelector(".device")).getText().contains("Ready"),
                "the counter home shows the printer's health");

        browser.findElement(By.id(TopBar.NAV_TRIAGE)).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TriageScreen.TYPE)));
        choose(TriageScreen.TYPE, "ORGANISATIONAL_ROLE");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TriageScreen.VARIANT)));
        choose(TriageScreen.VARIANT, "HOSPITAL_AUTHORITY");

        assertTrue(browser.findElement(By.id(SharedIds.CHANNEL)).getText().contains("refer the customer"));
        String referral = browser.findElement(By.id(SharedIds.REFERRAL)).getText();
        assertTrue(referral.contains("Hospital Authority") && referral.contains("www.ha.org.hk"), referral);

        // A double click must print one slip: the print id was chosen when the button was rendered.
        new Actions(browser).doubleClick(browser.findElement(By.id(TriageScreen.PRINT_SLIP))).perform();
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Printed"));
        screenshot("referral-slip-printed");

        assertTrue(printer.awaitReceipts(1, 10, TimeUnit.SECONDS));
        List<PrintedReceipt> receipts = printer.receipts();
        assertEquals(1, receipts.size());
        String text = receipts.get(0).text();
        assertTrue(text.contains("REFERRAL SLIP"), text);
        assertTrue(text.contains("轉介便條"), "Big5 decoded: " + text);
        assertTrue(text.contains("Hospital Authority's Registration Authority"), text);
        assertTrue(text.contains("醫院管理局的登記機構"), text);
        assertTrue(text.contains("www.ha.org.hk"), text);
        assertTrue(text.contains("clerk1"), text);
        assertTrue(!text.contains("COPY"), "the first print is the original");
        Thread.sleep(1500);
        assertEquals(1, printer.receipts().size(), "a double click printed one slip");

        // Printing the same slip again gives a copy, marked as such.
        waitUpTo(20).until(ExpectedConditions.attributeContains(By.id(TriageScreen.PRINT_SLIP), "textContent", "copy"));
        browser.findElement(By.id(TriageScreen.PRINT_SLIP)).click();
        assertTrue(printer.awaitReceipts(2, 20, TimeUnit.SECONDS));
        String copy = printer.receipts().get(1).text();
        assertTrue(copy.startsWith("*** COPY 副本 ***"), copy);
        assertTrue(copy.contains(receipts.get(0).text().lines().filter(l -> l.contains("RS-")).findFirst().orElseThrow()),
                "the copy carries the same slip number");
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Printed"));

        browser.findElement(By.id(TopBar.NAV_HOME)).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".receipt")));
        assertTrue(browser.findElement(By.cssSelector(".receipt")).getText().contains("REFERRAL SLIP"),
                "the counter home shows what the printer printed");
        assertTrue(browser.findElements(By.cssSelector("img.receipt-img")).size() >= 1, "and a picture of it");
        screenshot("counter-home-with-receipt");
    }

    @Test
    @Order(2)
    void aSlipPrintedWhileTheTerminalIsOfflineComesOutWhenItReconnects() throws Exception {
        Path dataDir = terminalDataDir;
        terminal.close();
        browser.get(base + "triage.xhtml");
        choose(TriageScreen.TYPE, "G_CERT_INDIVIDUAL");
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(TriageScreen.PRINT_SLIP))).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Waiting for the terminal"));

        terminal = Terminals.demoTerminal(base, dataDir);   // restarts from its data: key and journal kept
        assertTrue(terminal.awaitOnline(Duration.ofSeconds(30)), "the enrolled terminal reconnects with its key");
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Printed"));
        VirtualPrinter printer = terminal.devices().virtualPrinter().orElseThrow();
        assertTrue(printer.awaitReceipts(1, 10, TimeUnit.SECONDS));
        assertTrue(printer.receipts().get(0).text().contains("g-Cert (Individual)"));
        assertTrue(printer.receipts().get(0).text().contains("B/D/O"));
    }

    @Test
    @Order(3)
    void eachPrinterFaultIsShownToTheClerkAndNothingPrints() throws Exception {
        Path condition = terminalDataDir.resolve("virtual-printer.condition");
        VirtualPrinter printer = terminal.devices().virtualPrinter().orElseThrow();
        int printed = printer.receipts().size();
        Map<String, String> faults = Map.of(
                "PAPER_OUT", "Paper out: load a new roll.",
                "COVER_OPEN", "Printer cover open: close it.",
                "SILENT", "The printer does not answer: check its power and cable.");
        for (Map.Entry<String, String> fault : faults.entrySet()) {
            Files.writeString(condition, fault.getKey());
            browser.get(base + "index.xhtml");
            waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".device"), fault.getValue()));
            assertTrue(browser.findElement(By.cssSelector(".device")).getText().contains("Fault"));

            browser.get(base + "triage.xhtml");
            choose(TriageScreen.TYPE, "BANK_CERT_CORPORATE");
            waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(TriageScreen.PRINT_SLIP))).click();
            waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Not printed"));
            assertEquals(fault.getValue(), browser.findElement(By.id(SharedIds.JOB_REASON)).getText());
        }
        screenshot("printer-fault-shown");
        assertEquals(printed, printer.receipts().size(), "no slip came out of a faulty printer");
        Files.writeString(condition, "READY");
        browser.get(base + "index.xhtml");
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".device"), "Ready"));
    }

    @Test
    @Order(4)
    void theScreenSwitchesToTraditionalChinese() throws Exception {
        browser.get(base + "triage.xhtml");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TopBar.LANG_ZH)));
        browser.findElement(By.id(TopBar.LANG_ZH)).click();
        // a full page load: the old heading may vanish between finding it and reading it, so look again until the new one reads so
        waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "證書分流"));
        choose(TriageScreen.TYPE, "BANK_CERT_BANK");
        choose(TriageScreen.VARIANT, "RENEWAL_AR_CHANGED");
        assertTrue(browser.findElement(By.id(SharedIds.CHANNEL)).getText().contains("只限香港郵政核證機關櫃位"));
        assertTrue(browser.findElement(By.id(TriageScreen.SECTIONS)).getText().contains("A, B, D"));
        assertTrue(browser.findElement(By.id(TriageScreen.FEE_NOT_SET)).getText().contains("費用未設定"),
                "an unpublished fee is refused, not invented");
        screenshot("triage-zh-bank-cert");
        browser.findElement(By.id(TopBar.LANG_EN)).click();
        waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Triage"));
    }

    @Test
    @Order(6)
    void aSlipFromTheScreenArrivesByteExactAtAPrinterOnASerialLine() throws Exception {
        assertTrue(SocatPair.installed(), "socat is needed for the serial line");
        terminal.close();
        Path lineDir = Files.createTempDirectory("serial-line-");
        try (SocatPair line = new SocatPair(lineDir)) {
            PrinterProfile profile = PrinterProfile.byId("hk-big5-80");
            VirtualPrinter atTheFarEnd = new VirtualPrinter(profile);
            line.serve(atTheFarEnd);
            RecordingLink recording = new RecordingLink(
                    new SerialPrinterLink(SerialPrinterLink.Settings.of(line.driverEnd.toString(), 115200)));
            TerminalConfig config = Terminals.config(base, Terminals.DEMO_TERMINAL, "", terminalDataDir);
            terminal = new TerminalAgent(config, new CounterDevices(new EscPosReceiptPrinter(profile, recording), null)).start();
            assertTrue(terminal.awaitOnline(Duration.ofSeconds(30)));

            browser.get(base + "triage.xhtml");
            choose(TriageScreen.TYPE, "IAM_SMART_CERT");
            waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(TriageScreen.PRINT_SLIP))).click();
            waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Printed"));

            assertTrue(atTheFarEnd.awaitReceipts(1, 10, TimeUnit.SECONDS));
            PrintedReceipt received = atTheFarEnd.receipts().get(0);
            assertArrayEquals(recording.written(), received.raw(), "byte-exact over the serial line");
            String text = received.text();
            assertTrue(text.contains("iAM Smart-Cert") && text.contains("「智方便+」數碼證書"), text);
            assertTrue(text.contains("The \"iAM Smart\" system, which notifies the\nsubscriber"), text);
            assertTrue(text.contains("「智方便」系統（會通知登記人）"), text);
        }
    }

    @Test
    @Order(5)
    void aPublishedFeeIsQuotedForAPersonalRenewal() {
        browser.get(base + "triage.xhtml");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TriageScreen.TYPE)));
        choose(TriageScreen.TYPE, "PERSONAL");
        choose(TriageScreen.VARIANT, "STANDARD");
        assertEquals("HK$48.00", browser.findElement(By.id(TriageScreen.FEE_TOTAL)).getText());
        assertTrue(browser.findElement(By.id(TriageScreen.FORMS)).getText().contains("CPos 798A"));
        assertTrue(browser.findElement(By.id(SharedIds.DOCUMENTS)).getText().contains("Original HKID card"));
    }
}
