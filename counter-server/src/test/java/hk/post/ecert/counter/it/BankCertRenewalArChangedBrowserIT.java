package hk.post.ecert.counter.it;

import hk.post.ecert.devices.scanner.simulated.SimulatedScanner;
import hk.post.ecert.terminal.CounterDevices;
import hk.post.ecert.terminal.TerminalAgent;
import hk.post.ecert.terminal.TerminalConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bank-Cert (Bank) at HKPCA's desk, from the browser: a renewal with the AR changed, from the bank lookup to the
 * issued certificate, checked with {@code openssl verify} against the TEST "2-15" CA; then a revocation request that
 * waits out its month's notice.
 */
@ExtendWith(CounterServer.class)
@CounterServer.OwnServer   // it enters the Bank-Cert (Bank) fee, which the triage of the classes sharing a server shows as not set
class BankCertRenewalArChangedBrowserIT {


    URL base;

    private static Browser chromium;
    private static WebDriver browser;
    private static TerminalAgent desk;

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
        if (desk != null) {
            desk.close();
        }
    }

    private void as(String user, String password) {
        chromium.switchUser(base.toString(), user, password);
    }

    private String messages() {
        return chromium.text("bank:messages");
    }

    private void bankScreen(String code) {
        browser.findElement(By.id("top:navBank")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("bank:bankCode")));
        chromium.choose("bank:bankCode", code);
        chromium.click("bank:show");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("bankView")));
    }

    private void resume(String ref) {
        browser.findElement(By.id("top:navBank")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("bank:resumeRef")));
        chromium.type("bank:resumeRef", ref);
        chromium.click("bank:resume");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("appRef"), ref));
    }

    @Test
    void anHkpcaOfficerRenewsABankCertWithAChangedArFromLookupToACertificateThatChainsToThe2dash15Ca() throws Exception {
        // HKPCA's desk PC with its scanner and printer
        TerminalConfig config = Terminals.config(base, "HKPCA-D01", "DEMO-ENROL-HKPCA-D01", Files.createTempDirectory("terminal-d01-"));
        desk = new TerminalAgent(config, CounterDevices.from(config)).start();
        assertTrue(desk.awaitOnline(Duration.ofSeconds(30)));
        Terminals.awaitDevicesReported(base, "HKPCA-D01", "SCANNER", "RECEIPT_PRINTER");

        // The Bank-Cert (Bank) fee is not published: an administrator enters the figure given, a supervisor approves.
        as("admin", "Admin#2026");
        browser.findElement(By.id("top:navFees")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("fees:amount")));
        chromium.choose("fees:item", "BANK_CERT_BANK");
        chromium.type("fees:amount", "1000");
        chromium.type("fees:source", "TEST figure for the Bank-Cert browser test");
        chromium.type("fees:approver", "super1");
        chromium.type("fees:approverPassword", "Super#2026");
        chromium.click("fees:enter");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fees:msgs"), "approved by super1"));

        // the desk officer opens the desk's till
        as("desk1", "Desk#2026");
        browser.findElement(By.id("top:navTill")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.float-NOTE_100")));
        browser.findElement(By.cssSelector("input.float-NOTE_100")).sendKeys("5");
        chromium.click("till:openTill");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("tillStatus"), "Open"));

        // lookup: the bank, its certificate and its AR history
        bankScreen("901");
        assertTrue(chromium.text("bankCerts").contains("ACTIVE"), chromium.text("bankCerts"));
        String oldSerial = browser.findElement(By.cssSelector("#bankCerts .cert-serial")).getText();
        assertTrue(chromium.text("arHistory").contains("CHEUNG MEI LING"), chromium.text("arHistory"));
        assertFalse(chromium.text("arHistory").contains("123456"), "the AR's HKID is masked: " + chromium.text("arHistory"));
        assertTrue(chromium.text("currentAr").contains("CHEUNG MEI LING"));

        // a changed AR: the new AR may not renew by post (never authenticated for this bank)
        chromium.choose("bank:appType", "RENEWAL_AR_CHANGED");
        chromium.type("bank:arName", "Ng Wai Man");
        chromium.type("bank:arTitle", "Head of Operations");
        chromium.type("bank:arPhone", "2123 9876");
        chromium.type("bank:arEmail", "ng.waiman@demo-first.example");
        chromium.type("bank:arDocNumber", "D234567(7)");
        chromium.click("bank:checkPostal");
        assertTrue(messages().contains("submitted in person"), messages());

        // the sections of the type: D (the certificate) and the new AR's authorisation; C is not shown
        assertTrue(browser.findElements(By.id("bank:unitName")).isEmpty(), "section C is not part of a renewal");
        chromium.type("bank:arDocNumber", "D234567(7)");
        chromium.choose("bank:renewSerial", oldSerial);
        chromium.choose("bank:renewYears", "2");
        chromium.click("bank:receive");
        assertTrue(messages().contains("authorisation of the new AR"), messages());
        chromium.type("bank:arDocNumber", "D234567(7)");
        chromium.type("bank:newArAuthorisation", "BOARD RESOLUTION 2026/11");
        chromium.click("bank:receive");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("appRef")));
        String ref = chromium.text("appRef");
        assertTrue(ref.startsWith("BC-"), ref);
        assertEquals("HK$2,000.00", chromium.text("appFee"), "2 years at the entered HK$1,000.00 a year");

        // face-to-face authentication: the document in hand must be the one on the form
        chromium.type("bank:authDocNumber", "C123456(9)");
        chromium.click("bank:authenticate");
        assertTrue(messages().contains("not the one on the form"), messages());
        chromium.type("bank:authDocNumber", "D234567(7)");
        chromium.click("bank:authenticate");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("authDone"), "☑"));

        // sending it before the documents and the fee is refused, with what is missing
        chromium.click("bank:submit");
        assertTrue(messages().contains("Annex 2 documents") && messages().contains("fee"), messages());

        // Annex 2 documents through the desk's scanner: the signed 798FB, the new AR's ID, the authorisation, the checklist
        SimulatedScanner scanner = desk.devices().simulatedScanner().orElseThrow();
        scanner.load(List.of(FormCaptureBrowserIT.document("NEW AR IDENTITY"), FormCaptureBrowserIT.document("BOARD RESOLUTION"),
                FormCaptureBrowserIT.document("ANNEX 2 CHECKLIST")));
        browser.findElement(By.id("bank:toCapture")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("capture:caseRef")));
        chromium.type("capture:caseRef", ref);
        chromium.click("capture:resume");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("openCase"), ref));
        chromium.click("capture:scan");
        for (int attempt = 0; attempt < 4 && !chromium.text("jobStatus").contains("Scanned"); attempt++) {
            try {
                chromium.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobStatus"), "Scanned"));
            } catch (org.openqa.selenium.TimeoutException notYet) {
                chromium.click("capture:refreshJob");
            }
        }
        chromium.pollStopped("capture:jobPoll");
        String[] labels = {"AR_IDENTITY", "AR_AUTHORISATION", "ANNEX_2_CHECKLIST"};
        for (int i = 0; i < labels.length; i++) {
            WebElement card = browser.findElements(By.cssSelector(".page-card.unidentified")).get(i);
            new Select(card.findElement(By.cssSelector("select.doc-label"))).selectByValue(labels[i]);
            card.findElement(By.cssSelector("button.save-label")).click();
            chromium.ajaxSettled();
        }
        chromium.click("capture:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("documents")));

        // the fee at the desk's till, then vetting
        resume(ref);
        assertEquals("☑", chromium.text("docsDone"));
        chromium.type("bank:cash", "2000");
        chromium.click("bank:pay");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("paidDone"), "☑"));
        chromium.click("bank:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("appState"), "Waiting for vetting"));

        // the officer who received it cannot vet it
        WebElement mine = browser.findElements(By.cssSelector(".bank-vet")).stream()
                .filter(f -> f.findElement(By.cssSelector(".bank-vet-ref")).getText().equals(ref)).findFirst().orElseThrow();
        mine.findElement(By.cssSelector("button.bank-approve")).click();
        chromium.ajaxSettled();
        assertTrue(messages().contains("another HKPCA officer vets it"), messages());

        // another officer approves: issued by the 2-15 CA
        as("officer1", "Officer#2026");
        browser.findElement(By.id("top:navBank")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bank-vet")));
        mine = browser.findElements(By.cssSelector(".bank-vet")).stream()
                .filter(f -> f.findElement(By.cssSelector(".bank-vet-ref")).getText().equals(ref)).findFirst().orElseThrow();
        assertTrue(mine.getText().contains("NG WAI MAN") && mine.getText().contains("authenticated face to face"), mine.getText());
        mine.findElement(By.cssSelector("button.bank-approve")).click();
        chromium.ajaxSettled();
        chromium.waitUpTo(20).until(d -> d.findElements(By.cssSelector(".bank-vet-ref")).stream().noneMatch(e -> e.getText().equals(ref)));
        java.util.regex.Matcher pinShown = java.util.regex.Pattern.compile("renewed certificate ([0-9a-f]+): ([A-HJ-NP-Z2-9]{16})").matcher(messages());
        assertTrue(pinShown.find(), "the PIN for the medium's envelope, shown once: " + messages());
        String pin = pinShown.group(2);

        as("desk1", "Desk#2026");
        resume(ref);
        assertEquals("Issued: to dispatch", chromium.text("appState"));
        String renewed = chromium.text("renewedSerial");
        Path dir = Files.createTempDirectory("bankcert-");
        Path cert = dir.resolve("renewed.pem");
        Files.writeString(cert, chromium.text("renewedCertificatePem") + "\n");
        String chain = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.getElementById('chainPem').textContent;");
        String[] pems = chain.split("(?<=-----END CERTIFICATE-----)");
        Path intermediate = dir.resolve("ca-2-15.pem");
        Path root = dir.resolve("root.pem");
        Files.writeString(intermediate, pems[0].trim() + "\n");
        Files.writeString(root, pems[1].trim() + "\n");
        String verify = run("openssl", "verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(), cert.toString());
        assertTrue(verify.contains(": OK"), verify);
        String details = run("openssl", "x509", "-in", cert.toString(), "-noout", "-issuer", "-subject", "-serial", "-dates");
        assertTrue(details.contains("2 - 15") && details.contains("DEMO FIRST BANK"), details);
        assertTrue(details.toLowerCase().contains("serial=" + renewed.replaceFirst("^0+", "")) || details.toLowerCase().contains(renewed), details);

        // the medium's file opens with the PIN shown to the approving officer, and holds the key with this certificate
        RenewalCaseBrowserIT.mediumHolds(RenewalCaseBrowserIT.download(chromium, "bank:renewedMedium"), pin, renewed, "2 - 15");

        chromium.type("bank:article", "RR123456785HK");
        chromium.click("bank:dispatch");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("appState"), "Completed"));
        chromium.screenshot("bankcert-renewal-ar-changed-completed");
        String history = chromium.text("appHistory");
        assertTrue(history.contains("renews " + oldSerial) && history.contains("dispatched by registered mail RR123456785HK"), history);

        // the bank now shows the new AR as current, and the renewed certificate
        bankScreen("901");
        assertTrue(chromium.text("currentAr").contains("NG WAI MAN"), chromium.text("currentAr"));
        assertTrue(chromium.text("bankCerts").contains(renewed), chromium.text("bankCerts"));

        // revocation of the renewed certificate: a month's notice, then the AR's final confirmation
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Hong_Kong"));
        chromium.choose("bank:revokeSerial", renewed);
        chromium.type("bank:revokeAr", "Ng Wai Man");
        chromium.type("bank:noticeReceived", today.toString());
        chromium.type("bank:revokeOn", today.plusDays(7).toString());
        chromium.type("bank:revokeReason", "the bank's payments unit closes");
        chromium.click("bank:requestRevocation");
        assertTrue(messages().contains("one month's notice"), messages());
        chromium.type("bank:revokeOn", today.plusMonths(1).toString());
        chromium.click("bank:requestRevocation");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("revocations"), "REQUESTED"));
        browser.findElement(By.cssSelector("#revocations button.ui-button-danger")).click();
        chromium.ajaxSettled();
        assertTrue(messages().contains("notice period runs until " + today.plusMonths(1)), messages());
        assertTrue(chromium.text("bankCerts").contains(renewed), chromium.text("bankCerts"));
        chromium.screenshot("bankcert-revocation-waiting");
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
