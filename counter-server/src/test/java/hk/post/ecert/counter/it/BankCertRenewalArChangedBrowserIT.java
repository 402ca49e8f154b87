package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.BankDeskScreen;
import hk.post.ecert.counter.it.screens.CaptureScreen;
import hk.post.ecert.counter.it.screens.FeesScreen;
import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.TillScreen;
import hk.post.ecert.counter.it.screens.TopBar;
import hk.post.ecert.devices.scanner.simulated.SimulatedScanner;
import hk.post.ecert.terminal.CounterDevices;
import hk.post.ecert.terminal.TerminalAgent;
import hk.post.ecert.terminal.TerminalConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Order;
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
@Order(5)   // when it starts in a parallel run (issue 32): see CounterServer
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
        return chromium.text(BankDeskScreen.MESSAGES);
    }

    private void bankScreen(String code) {
        browser.findElement(By.id(TopBar.NAV_BANK)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(BankDeskScreen.BANK_CODE)));
        chromium.choose(BankDeskScreen.BANK_CODE, code);
        chromium.click(BankDeskScreen.SHOW);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(BankDeskScreen.BANK_VIEW)));
    }

    private void resume(String ref) {
        browser.findElement(By.id(TopBar.NAV_BANK)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(BankDeskScreen.RESUME_REF)));
        chromium.type(BankDeskScreen.RESUME_REF, ref);
        chromium.click(BankDeskScreen.RESUME);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(BankDeskScreen.APP_REF), ref));
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
        browser.findElement(By.id(TopBar.NAV_FEES)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(FeesScreen.AMOUNT)));
        chromium.choose(FeesScreen.ITEM, "BANK_CERT_BANK");
        chromium.type(FeesScreen.AMOUNT, "1000");
        chromium.type(FeesScreen.SOURCE, "TEST figure for the Bank-Cert browser test");
        chromium.type(FeesScreen.APPROVER, "super1");
        chromium.type(FeesScreen.APPROVER_PASSWORD, "Super#2026");
        chromium.click(FeesScreen.ENTER);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(FeesScreen.MSGS), "approved by super1"));

        // the desk officer opens the desk's till
        as("desk1", "Desk#2026");
        browser.findElement(By.id(TopBar.NAV_TILL)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.float-NOTE_100")));
        browser.findElement(By.cssSelector("input.float-NOTE_100")).sendKeys("5");
        chromium.click(TillScreen.OPEN_TILL);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(TillScreen.TILL_STATUS), "Open"));

        // lookup: the bank, its certificate and its AR history
        bankScreen("901");
        assertTrue(chromium.text(BankDeskScreen.BANK_CERTS).contains("ACTIVE"), chromium.text(BankDeskScreen.BANK_CERTS));
        String oldSerial = browser.findElement(By.cssSelector("#bankCerts .cert-serial")).getText();
        assertTrue(chromium.text(BankDeskScreen.AR_HISTORY).contains("CHEUNG MEI LING"), chromium.text(BankDeskScreen.AR_HISTORY));
        assertFalse(chromium.text(BankDeskScreen.AR_HISTORY).contains("123456"), "the AR's HKID is masked: " + chromium.text(BankDeskScreen.AR_HISTORY));
        assertTrue(chromium.text(BankDeskScreen.CURRENT_AR).contains("CHEUNG MEI LING"));

        // a changed AR: the new AR may not renew by post (never authenticated for this bank)
        chromium.choose(BankDeskScreen.APP_TYPE, "RENEWAL_AR_CHANGED");
        chromium.type(BankDeskScreen.AR_NAME, "Ng Wai Man");
        chromium.type(BankDeskScreen.AR_TITLE, "Head of Operations");
        chromium.type(BankDeskScreen.AR_PHONE, "2123 9876");
        chromium.type(BankDeskScreen.AR_EMAIL, "ng.waiman@demo-first.example");
        chromium.type(BankDeskScreen.AR_DOC_NUMBER, "D234567(7)");
        chromium.click(BankDeskScreen.CHECK_POSTAL);
        assertTrue(messages().contains("submitted in person"), messages());

        // the sections of the type: D (the certificate) and the new AR's authorisation; C is not shown
        assertTrue(browser.findElements(By.id(BankDeskScreen.UNIT_NAME)).isEmpty(), "section C is not part of a renewal");
        chromium.type(BankDeskScreen.AR_DOC_NUMBER, "D234567(7)");
        chromium.choose(BankDeskScreen.RENEW_SERIAL, oldSerial);
        chromium.choose(BankDeskScreen.RENEW_YEARS, "2");
        chromium.click(BankDeskScreen.RECEIVE);
        assertTrue(messages().contains("authorisation of the new AR"), messages());
        chromium.type(BankDeskScreen.AR_DOC_NUMBER, "D234567(7)");
        chromium.type(BankDeskScreen.NEW_AR_AUTHORISATION, "BOARD RESOLUTION 2026/11");
        chromium.click(BankDeskScreen.RECEIVE);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(BankDeskScreen.APP_REF)));
        String ref = chromium.text(BankDeskScreen.APP_REF);
        assertTrue(ref.startsWith("BC-"), ref);
        assertEquals("HK$2,000.00", chromium.text(BankDeskScreen.APP_FEE), "2 years at the entered HK$1,000.00 a year");

        // face-to-face authentication: the document in hand must be the one on the form
        chromium.type(BankDeskScreen.AUTH_DOC_NUMBER, "C123456(9)");
        chromium.click(BankDeskScreen.AUTHENTICATE);
        assertTrue(messages().contains("not the one on the form"), messages());
        chromium.type(BankDeskScreen.AUTH_DOC_NUMBER, "D234567(7)");
        chromium.click(BankDeskScreen.AUTHENTICATE);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(BankDeskScreen.AUTH_DONE), "☑"));

        // sending it before the documents and the fee is refused, with what is missing
        chromium.click(BankDeskScreen.SUBMIT);
        assertTrue(messages().contains("Annex 2 documents") && messages().contains("fee"), messages());

        // Annex 2 documents through the desk's scanner: the signed 798FB, the new AR's ID, the authorisation, the checklist
        SimulatedScanner scanner = desk.devices().simulatedScanner().orElseThrow();
        scanner.load(List.of(FormCaptureBrowserIT.document("NEW AR IDENTITY"), FormCaptureBrowserIT.document("BOARD RESOLUTION"),
                FormCaptureBrowserIT.document("ANNEX 2 CHECKLIST")));
        browser.findElement(By.id(BankDeskScreen.TO_CAPTURE)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaptureScreen.CASE_REF)));
        chromium.type(CaptureScreen.CASE_REF, ref);
        chromium.click(CaptureScreen.RESUME);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.OPEN_CASE), ref));
        chromium.click(CaptureScreen.SCAN);
        for (int attempt = 0; attempt < 4 && !chromium.text(SharedIds.JOB_STATUS).contains("Scanned"); attempt++) {
            try {
                chromium.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Scanned"));
            } catch (org.openqa.selenium.TimeoutException notYet) {
                chromium.click(CaptureScreen.REFRESH_JOB);
            }
        }
        chromium.pollStopped(CaptureScreen.JOB_POLL);
        String[] labels = {"AR_IDENTITY", "AR_AUTHORISATION", "ANNEX_2_CHECKLIST"};
        for (int i = 0; i < labels.length; i++) {
            WebElement card = browser.findElements(By.cssSelector(".page-card.unidentified")).get(i);
            new Select(card.findElement(By.cssSelector("select.doc-label"))).selectByValue(labels[i]);
            card.findElement(By.cssSelector("button.save-label")).click();
            chromium.ajaxSettled();
        }
        chromium.click(CaptureScreen.SUBMIT);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.DOCUMENTS)));

        // the fee at the desk's till, then vetting
        resume(ref);
        assertEquals("☑", chromium.text(BankDeskScreen.DOCS_DONE));
        chromium.type(BankDeskScreen.CASH, "2000");
        chromium.click(BankDeskScreen.PAY);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(BankDeskScreen.PAID_DONE), "☑"));
        chromium.click(BankDeskScreen.SUBMIT);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(BankDeskScreen.APP_STATE), "Waiting for vetting"));

        // the officer who received it cannot vet it
        WebElement mine = browser.findElements(By.cssSelector(".bank-vet")).stream()
                .filter(f -> f.findElement(By.cssSelector(".bank-vet-ref")).getText().equals(ref)).findFirst().orElseThrow();
        mine.findElement(By.cssSelector("button.bank-approve")).click();
        chromium.ajaxSettled();
        assertTrue(messages().contains("another HKPCA officer vets it"), messages());

        // another officer approves: issued by the 2-15 CA
        as("officer1", "Officer#2026");
        browser.findElement(By.id(TopBar.NAV_BANK)).click();
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
        assertEquals("Issued: to dispatch", chromium.text(BankDeskScreen.APP_STATE));
        String renewed = chromium.text(BankDeskScreen.RENEWED_SERIAL);
        Path dir = Files.createTempDirectory("bankcert-");
        Path cert = dir.resolve("renewed.pem");
        Files.writeString(cert, chromium.text(BankDeskScreen.RENEWED_CERTIFICATE_PEM) + "\n");
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

        chromium.type(BankDeskScreen.ARTICLE, "RR123456785HK");
        chromium.click(BankDeskScreen.DISPATCH);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(BankDeskScreen.APP_STATE), "Completed"));
        chromium.screenshot("bankcert-renewal-ar-changed-completed");
        String history = chromium.text(BankDeskScreen.APP_HISTORY);
        assertTrue(history.contains("renews " + oldSerial) && history.contains("dispatched by registered mail RR123456785HK"), history);

        // the bank now shows the new AR as current, and the renewed certificate
        bankScreen("901");
        assertTrue(chromium.text(BankDeskScreen.CURRENT_AR).contains("NG WAI MAN"), chromium.text(BankDeskScreen.CURRENT_AR));
        assertTrue(chromium.text(BankDeskScreen.BANK_CERTS).contains(renewed), chromium.text(BankDeskScreen.BANK_CERTS));

        // revocation of the renewed certificate: a month's notice, then the AR's final confirmation
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Hong_Kong"));
        chromium.choose(BankDeskScreen.REVOKE_SERIAL, renewed);
        chromium.type(BankDeskScreen.REVOKE_AR, "Ng Wai Man");
        chromium.type(BankDeskScreen.NOTICE_RECEIVED, today.toString());
        chromium.type(BankDeskScreen.REVOKE_ON, today.plusDays(7).toString());
        chromium.type(BankDeskScreen.REVOKE_REASON, "the bank's payments unit closes");
        chromium.click(BankDeskScreen.REQUEST_REVOCATION);
        assertTrue(messages().contains("one month's notice"), messages());
        chromium.type(BankDeskScreen.REVOKE_ON, today.plusMonths(1).toString());
        chromium.click(BankDeskScreen.REQUEST_REVOCATION);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(BankDeskScreen.REVOCATIONS), "REQUESTED"));
        browser.findElement(By.cssSelector("#revocations button.ui-button-danger")).click();
        chromium.ajaxSettled();
        assertTrue(messages().contains("notice period runs until " + today.plusMonths(1)), messages());
        assertTrue(chromium.text(BankDeskScreen.BANK_CERTS).contains(renewed), chromium.text(BankDeskScreen.BANK_CERTS));
        chromium.screenshot("bankcert-revocation-waiting");
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
