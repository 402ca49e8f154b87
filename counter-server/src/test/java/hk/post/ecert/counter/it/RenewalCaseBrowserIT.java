package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.CaseScreen;
import hk.post.ecert.counter.it.screens.CsrScreen;
import hk.post.ecert.counter.it.screens.FeesScreen;
import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.SubscribersScreen;
import hk.post.ecert.counter.it.screens.TillScreen;
import hk.post.ecert.counter.it.screens.TopBar;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renewal cases from the browser, clerk and HKPCA officer: an e-Cert (Organisational) renewal dispatched by registered
 * mail, and an e-Cert (Server) renewal issued for a CSR made with {@code openssl req} after a wrong one is refused.
 */
@ExtendWith(CounterServer.class)
@CounterServer.OwnServer(receivesMail = true)   // it renews the demo's subscribers that other classes look up, and receives the notices on its own SMTP server
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)   // when it starts in a parallel run (issue 32): see CounterServer
@ResourceLock(TokenRenewalBrowserIT.TOKEN_READER)   // it writes a SoftHSM2 token
class RenewalCaseBrowserIT {


    URL base;

    private static TerminalAgent terminal;
    private static Browser chromium;
    private static WebDriver browser;

    /** The SMTP server the counter sends its notices to in this run (issue 30). */
    private static com.icegreen.greenmail.util.GreenMail smtp;

    @BeforeAll
    static void browser() throws Exception {
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(
                Integer.getInteger("counter.it.smtp-port", 3925), "127.0.0.1", "smtp"));
        smtp.start();
        chromium = new Browser();
        browser = chromium.driver;
    }

    @AfterAll
    static void close() {
        if (smtp != null) {
            smtp.stop();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }




    private CaseFlow flow() {
        return new CaseFlow(chromium, base, terminal);
    }

    private String messages(String form) {
        return flow().messages(form);
    }

    private void as(String user, String password) {
        flow().as(user, password);
    }

    private String openCase(String certificate, String type, String variant, String years, String delivery, String names) {
        return flow().openCase(certificate, type, variant, years, delivery, names);
    }

    private void resume(String caseRef) {
        flow().resume(caseRef);
    }

    private void captureDocuments(String caseRef) throws Exception {
        flow().captureDocuments(caseRef, true);
    }

    private void captureDocuments(String caseRef, boolean supporting) throws Exception {
        flow().captureDocuments(caseRef, supporting);
    }

    private void identityAndPayment(String caseRef, String cash) throws Exception {
        flow().identityAndPayment(caseRef, cash, "A123456(3)", "Chan Tai Man", null);
    }

    private void identityAndPayment(String caseRef, String cash, String id, String name) throws Exception {
        flow().identityAndPayment(caseRef, cash, id, name, null);
    }

    private void identityAndPayment(String caseRef, String cash, String id, String name, String dateOfBirth) throws Exception {
        flow().identityAndPayment(caseRef, cash, id, name, dateOfBirth);
    }

    private String officerApproves(String caseRef) {
        return flow().officerApproves(caseRef, "clerk1", "Clerk#2026");
    }

    /** The PIN the officer was shown for the PIN envelope. */
    static String pinShown(String said) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PIN mailers?: .*?([A-HJ-NP-Z2-9]{16})").matcher(said);
        assertTrue(m.find(), "a PIN for the PIN envelope: " + said);
        return m.group(1);
    }

    /** The HTTP status of a GET in the browser, with the logged-in session. */
    static Long status(Browser chromium, String path) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status), e => done(-1));", path);
    }

    /** Downloads a link's file in the browser (with the logged-in session). */
    static byte[] download(Browser chromium, String linkId) {
        String b64 = (String) ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href).then(r => r.ok ? r.arrayBuffer() : null).then(b => {"
                        + " if (!b) { done(null); return; } var u = new Uint8Array(b), s = '';"
                        + " for (var i = 0; i < u.length; i++) { s += String.fromCharCode(u[i]); } done(btoa(s)); }, e => done(null));", linkId);
        assertTrue(b64 != null, "downloaded " + linkId);
        return java.util.Base64.getDecoder().decode(b64);
    }

    /** The medium's PKCS#12 opens with the PIN from the envelope and holds the key with the issued certificate. */
    static void mediumHolds(byte[] p12, String pin, String serialHex, String issuer) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(new java.io.ByteArrayInputStream(p12), pin.toCharArray());
        String alias = ks.aliases().nextElement();
        assertTrue(ks.isKeyEntry(alias), "a key entry");
        assertTrue(ks.getKey(alias, pin.toCharArray()) instanceof java.security.PrivateKey);
        java.security.cert.X509Certificate c = (java.security.cert.X509Certificate) ks.getCertificate(alias);
        assertEquals(serialHex, c.getSerialNumber().toString(16));
        assertTrue(c.getIssuerX500Principal().getName().contains(issuer), c.getIssuerX500Principal().getName());
        assertTrue(ks.getCertificateChain(alias).length >= 2, "the chain to the root");
        assertEquals(c.getPublicKey(), ks.getCertificateChain(alias)[0].getPublicKey());
        boolean wrong;
        try {
            java.security.KeyStore.getInstance("PKCS12").load(new java.io.ByteArrayInputStream(p12), "00000000".toCharArray());
            wrong = pin.equals("00000000");
        } catch (java.io.IOException refused) {
            wrong = true;
        }
        assertTrue(wrong, "another PIN does not open it");
    }

    @Test
    @Order(1)
    void anOrganisationalRenewalIsVettedIssuedAndDispatched() throws Exception {
        terminal = Terminals.demoTerminal(base, Files.createTempDirectory("terminal-"));
        assertTrue(terminal.awaitOnline(Duration.ofSeconds(30)));
        Terminals.awaitDevicesReported(base, Terminals.DEMO_TERMINAL, "SCANNER", "RECEIPT_PRINTER");
        chromium.login(base.toString(), "clerk1", "Clerk#2026");
        // a till to take the fee
        browser.findElement(By.id(TopBar.NAV_TILL)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.float-NOTE_100")));
        browser.findElement(By.cssSelector("input.float-NOTE_100")).sendKeys("10");
        chromium.click(TillScreen.OPEN_TILL);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(TillScreen.TILL_STATUS), "Open"));

        // rule 5: adding AEOI to a plain certificate is a new application
        browser.findElement(By.id(TopBar.NAV_CASES)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.CERTIFICATE)));
        chromium.type(CaseScreen.CERTIFICATE, "SRN-O-000009");
        chromium.choose(CaseScreen.TYPE, "ORGANISATIONAL");
        chromium.choose(CaseScreen.VARIANT, "AEOI");
        chromium.click(CaseScreen.OPEN_CASE);
        assertTrue(messages("case").contains("Adding AEOI functions is a new application"), messages("case"));

        String caseRef = openCase("SRN-O-000009", "ORGANISATIONAL", "PLAIN", "1", "DISPATCH", null);
        assertEquals("HK$150.00", chromium.text(CaseScreen.CASE_FEE));
        chromium.click(CaseScreen.SUBMIT_FOR_VETTING);
        assertTrue(messages("case").contains("the identity check") && messages("case").contains("the documents"), messages("case"));
        captureDocuments(caseRef);
        identityAndPayment(caseRef, "150");
        String pin = pinShown(officerApproves(caseRef));

        resume(caseRef);
        assertEquals("Issued: to dispatch", chromium.text(SharedIds.CASE_STATE));
        String serial = chromium.text(SharedIds.NEW_SERIAL);
        mediumHolds(download(chromium, "mediumFile"), pin, serial, "2 - 17");
        assertTrue(pin.length() == 16, "the PIN of a posted medium holds against an offline search: " + pin);
        resume(caseRef);
        assertTrue(chromium.text(CaseScreen.MEDIUM_DOWNLOADS).contains("clerk1 GPO/C01"), "each download is in the trail: " + chromium.text(CaseScreen.MEDIUM_DOWNLOADS));
        chromium.type(CaseScreen.PIN_ENVELOPE, "PE-000123");
        chromium.type(CaseScreen.MEDIUM_ARTICLE, "RR123456784HK");
        chromium.type(CaseScreen.PIN_ARTICLE, "RR000000014HK");
        chromium.click(CaseScreen.DISPATCH);
        assertTrue(messages("case").contains("check digit"), messages("case"));
        chromium.type(CaseScreen.MEDIUM_ARTICLE, "RR123456785HK");
        chromium.click(CaseScreen.DISPATCH);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_STATE), "Completed"));
        chromium.screenshot("case-organisational-dispatched");
        assertTrue(chromium.text(SharedIds.HISTORY).contains("dispatched: medium RR123456785HK, PIN envelope PE-000123 in RR000000014HK"), chromium.text(SharedIds.HISTORY));
        assertEquals(404L, status(chromium, "/medium?ref=" + caseRef), "the medium file is deleted once the dispatch is recorded");
        assertTrue(chromium.text(SharedIds.HISTORY).contains("approved") && chromium.text(SharedIds.HISTORY).contains("officer1"), chromium.text(SharedIds.HISTORY));

        // the renewed certificate is in the registry, active
        browser.findElement(By.id(TopBar.NAV_SUBSCRIBERS)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SubscribersScreen.VALUE)));
        chromium.choose(SubscribersScreen.BY, "SERIAL");
        chromium.type(SubscribersScreen.VALUE, serial);
        chromium.type(SubscribersScreen.REASON, "check the renewal");
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SubscribersScreen.CERT_STATUS), "Active"));
    }

    @Test
    @Order(2)
    void aServerRenewalIsIssuedForTheArsOwnCsrMadeWithOpensslReq() throws Exception {
        String caseRef = openCase("SRN-S-000018", "SERVER", "PLAIN", "1", "CSR", "www.demo-trading.hk");
        assertEquals("HK$2,500.00", chromium.text(CaseScreen.CASE_FEE));
        captureDocuments(caseRef);
        identityAndPayment(caseRef, "2500");
        officerApproves(caseRef);
        resume(caseRef);
        assertEquals("Approved", chromium.text(SharedIds.CASE_STATE));

        Path dir = Files.createTempDirectory("openssl-");
        String wrong = openssl(dir, "wrong", "shop.demo-trading.hk", "rsa:2048");
        chromium.type(CaseScreen.CSR, wrong);
        chromium.click(CaseScreen.SUBMIT_CSR);
        assertTrue(chromium.text(SharedIds.CSR_PROBLEMS).contains("not approved: shop.demo-trading.hk"), chromium.text(SharedIds.CSR_PROBLEMS));
        assertEquals("Approved", chromium.text(SharedIds.CASE_STATE));
        String weak = openssl(dir, "weak", "www.demo-trading.hk", "rsa:1024");
        chromium.type(CaseScreen.CSR, weak);
        chromium.click(CaseScreen.SUBMIT_CSR);
        assertTrue(chromium.text(SharedIds.CSR_PROBLEMS).contains("RSA 1024 bits"), chromium.text(SharedIds.CSR_PROBLEMS));
        String good = openssl(dir, "good", "www.demo-trading.hk", "rsa:2048");
        // issue 29: the slip tells the AR to bring the CSR to any post office; Kowloon Central's clerk takes it
        chromium.switchUser(base.toString(), "clerk3", "Clerk#2026");
        chromium.driver.get(base + "cases.xhtml");
        chromium.type(CaseScreen.ANY_CSR_REF, "RC-20000101-NOCASE");
        chromium.type(CaseScreen.ANY_CSR_TEXT, good);
        chromium.click(CaseScreen.SUBMIT_ANY_CSR);
        chromium.waitUpTo(20).until(d -> d.getPageSource().contains("is waiting for a CSR"));
        chromium.type(CaseScreen.ANY_CSR_REF, caseRef);
        chromium.type(CaseScreen.ANY_CSR_TEXT, good);
        chromium.click(CaseScreen.SUBMIT_ANY_CSR);
        chromium.waitUpTo(20).until(d -> d.getPageSource().contains("was accepted and its certificate issued"));
        chromium.assertAccessible("Cases (a CSR taken for another office's case)");
        chromium.switchUser(base.toString(), "clerk1", "Clerk#2026");
        resume(caseRef);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_STATE), "Completed"));
        chromium.screenshot("case-server-issued");
        String pem = chromium.text(SharedIds.CERTIFICATE_PEM);
        Path cert = dir.resolve("issued.pem");
        Files.writeString(cert, pem + "\n");
        Process p = new ProcessBuilder("openssl", "x509", "-in", cert.toString(), "-noout", "-subject", "-issuer", "-ext", "subjectAltName")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("www.demo-trading.hk") && out.contains("Server CA"), out);
        assertEquals(1, new ProcessBuilder("openssl", "x509", "-in", cert.toString(), "-noout", "-checkend", String.valueOf(200L * 86400))
                .start().waitFor(), "the certificate lives at most 199 days, whatever the one-year subscription");

        // as a relying party would (issue 20): the CA certificates and the CRL as published, checked strictly; OCSP says good
        Path rootPem = published(dir, "api/ca/root.crt", "CERTIFICATE");
        Path serverCa = published(dir, "api/ca/server.crt", "CERTIFICATE");
        Path crl = published(dir, "api/crl/server.crl", "X509 CRL");
        String verified = run("openssl", "verify", "-x509_strict", "-crl_check", "-CAfile", rootPem.toString(), "-untrusted",
                serverCa.toString(), "-CRLfile", crl.toString(), cert.toString());
        assertTrue(verified.contains(cert + ": OK"), verified);
        String ocsp = run("openssl", "ocsp", "-issuer", serverCa.toString(), "-cert", cert.toString(), "-url", base + "api/ocsp",
                "-CAfile", rootPem.toString());
        assertTrue(ocsp.contains("Response verify OK") && ocsp.contains(cert + ": good"), ocsp);

        // the customer's "what happens next" slip comes out of the counter's printer
        chromium.click(CaseScreen.PRINT_NEXT_STEPS);
        chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(CaseScreen.NEXT_STEPS_STATUS), "Printed"));

        // rule 1: old.demo-trading.hk reached its 199 days two days ago while its subscription runs: a free re-issue
        browser.findElement(By.id(TopBar.NAV_CASES)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.CERTIFICATE)));
        chromium.type(CaseScreen.CERTIFICATE, "SRN-S-000023");
        chromium.click(CaseScreen.OPEN_CASE);
        assertTrue(messages("case").contains("free re-issue within the subscription"), messages("case"));
        chromium.click(CaseScreen.OPEN_REISSUE);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.CASE_REF)));
        String reissue = chromium.text(SharedIds.CASE_REF);
        assertTrue(chromium.text(CaseScreen.REISSUE_NOTE).contains("no fee"), chromium.text(CaseScreen.REISSUE_NOTE));
        assertTrue(browser.findElements(By.id(CaseScreen.CASE_FEE)).isEmpty(), "nothing to pay");
        chromium.type(CaseScreen.ID_NUMBER, "A123456(3)");
        chromium.type(CaseScreen.NAME_ON_FORM, "CHAN TAI MAN");
        chromium.click(CaseScreen.CONFIRM_IDENTITY);
        // a re-issue needs only the identity check: with it the case goes to HKPCA by itself
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_STATE), "Waiting for HKPCA vetting"));
        assertTrue(messages("case").contains("went to HKPCA"), messages("case"));
        officerApproves(reissue);
        resume(reissue);
        chromium.type(CaseScreen.CSR, openssl(dir, "reissue", "old.demo-trading.hk", "rsa:2048"));
        chromium.click(CaseScreen.SUBMIT_CSR);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_STATE), "Completed"));
        assertTrue(chromium.text(SharedIds.HISTORY).contains("free re-issue"), chromium.text(SharedIds.HISTORY));
        chromium.screenshot("case-server-reissued");
    }

    /** A file the server publishes without a login (a CA certificate, a CRL), saved as PEM. */
    private Path published(Path dir, String path, String pemType) throws Exception {
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve(path)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        Path out = dir.resolve(path.replace('/', '_') + ".pem");
        Files.writeString(out, "-----BEGIN " + pemType + "-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(r.body())
                + "\n-----END " + pemType + "-----\n");
        return out;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static String openssl(Path dir, String name, String cn, String key) throws Exception {
        Path out = dir.resolve(name + ".csr");
        Process p = new ProcessBuilder("openssl", "req", "-new", "-newkey", key, "-nodes", "-keyout", dir.resolve(name + ".key").toString(),
                "-subj", "/C=HK/O=DEMO TRADING LIMITED/CN=" + cn, "-addext", "subjectAltName=DNS:" + cn, "-out", out.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return Files.readString(out);
    }

    @Test
    @Order(3)
    void aPersonalRenewalIsWrittenOntoASoftHsmTokenAtTheCounter() throws Exception {
        assertTrue(hk.post.ecert.devices.token.simulated.SoftHsm.installed(), "SoftHSM2 is needed (bin/test installs it)");
        hk.post.ecert.devices.token.simulated.SoftHsm.configure();
        String label = "case-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        hk.post.ecert.devices.token.simulated.SoftHsm.initToken(label, "1234");
        String caseRef = openCase("SRN-P-000002", "PERSONAL", "STANDARD", "3", "TOKEN_AT_COUNTER", null);
        assertEquals("HK$48.00", chromium.text(CaseScreen.CASE_FEE));
        captureDocuments(caseRef, false);
        // rule 8: the HKID must pass its check digit and be the certificate's own
        resume(caseRef);
        chromium.type(CaseScreen.ID_NUMBER, "B234560(5)");
        chromium.type(CaseScreen.NAME_ON_FORM, "Wong Siu Ming");
        chromium.click(CaseScreen.CONFIRM_IDENTITY);
        assertTrue(messages("case").contains("check digit"), messages("case"));
        chromium.type(CaseScreen.ID_NUMBER, "A123450(4)");
        chromium.click(CaseScreen.CONFIRM_IDENTITY);
        assertTrue(messages("case").contains("not the one this certificate was issued to"), messages("case"));
        // rule 8: the date of birth on the card and the form is the holder's (DEMO: WONG SIU MING, 1972-01-01)
        chromium.type(CaseScreen.ID_NUMBER, "B234560(4)");
        chromium.type(CaseScreen.DOB, "1972-01-02");
        chromium.click(CaseScreen.CONFIRM_IDENTITY);
        assertTrue(messages("case").contains("date of birth is not the certificate holder's"), messages("case"));
        identityAndPayment(caseRef, "50", "B234560(4)", "Wong Siu Ming", "1972-01-01");
        officerApproves(caseRef);
        resume(caseRef);
        chromium.type(CaseScreen.TOKEN_LABEL, label);
        chromium.type(CaseScreen.TOKEN_PIN, "1234");
        chromium.click(CaseScreen.WRITE_TOKEN);
        chromium.waitUpTo(90).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_STATE), "Completed"));
        chromium.screenshot("case-personal-token-written");
        String serial = chromium.text(SharedIds.NEW_SERIAL);
        var objects = hk.post.ecert.devices.token.simulated.SoftHsm.pkcs11Tool(label, "-O");
        assertTrue(objects.out().toLowerCase().contains("never extractable") || objects.out().contains("Certificate Object"),
                objects.out());
        assertTrue(chromium.text(SharedIds.HISTORY).contains("written and verified on the medium"), chromium.text(SharedIds.HISTORY));
        assertTrue(serial.matches("[0-9a-f]+"), serial);
    }

    @Test
    @Order(4)
    void anAeoiRenewalWaitsForItsUnpublishedFeeWhichAnAdministratorEntersAndASupervisorApproves() throws Exception {
        // the AEOI fee is not published: the counter quotes no figure and cannot take payment
        String caseRef = openCase("SRN-O-000011", "ORGANISATIONAL", "AEOI", "1", "DISPATCH", null);
        assertTrue(chromium.text(CaseScreen.CASE_FEE).contains("not set"), chromium.text(CaseScreen.CASE_FEE));

        as("admin", "Admin#2026");
        browser.findElement(By.id(TopBar.NAV_FEES)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(FeesScreen.AMOUNT)));
        assertTrue(chromium.text(FeesScreen.SCHEDULE).contains("Fee not set"), chromium.text(FeesScreen.SCHEDULE));
        chromium.choose(FeesScreen.ITEM, "ORGANISATIONAL_AEOI");
        chromium.type(FeesScreen.AMOUNT, "320");
        chromium.type(FeesScreen.SOURCE, "TEST instruction for the browser test");
        chromium.type(FeesScreen.APPROVER, "super1");
        chromium.type(FeesScreen.APPROVER_PASSWORD, "wrong");
        chromium.click(FeesScreen.ENTER);
        assertTrue(chromium.text(FeesScreen.MSGS).toLowerCase().contains("supervisor"), chromium.text(FeesScreen.MSGS));
        assertTrue(chromium.text(FeesScreen.ENTRIES).contains("No fee has been entered"), chromium.text(FeesScreen.ENTRIES));
        chromium.type(FeesScreen.APPROVER_PASSWORD, "Super#2026");
        chromium.click(FeesScreen.ENTER);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(FeesScreen.MSGS), "approved by super1"));
        assertTrue(chromium.text(FeesScreen.ENTRIES).contains("HK$320.00") && chromium.text(FeesScreen.ENTRIES).contains("admin / super1"),
                chromium.text(FeesScreen.ENTRIES));
        chromium.screenshot("fees-aeoi-entered");

        // the clerk's case now carries the figure, and the renewal runs to dispatch
        as("clerk1", "Clerk#2026");
        resume(caseRef);
        assertEquals("HK$320.00", chromium.text(CaseScreen.CASE_FEE));
        captureDocuments(caseRef);
        identityAndPayment(caseRef, "320");
        officerApproves(caseRef);
        resume(caseRef);
        assertEquals("Issued: to dispatch", chromium.text(SharedIds.CASE_STATE));
        chromium.type(CaseScreen.PIN_ENVELOPE, "PE-000124");
        chromium.type(CaseScreen.MEDIUM_ARTICLE, "RR123456799HK");
        chromium.type(CaseScreen.PIN_ARTICLE, "RR000000028HK");
        chromium.click(CaseScreen.DISPATCH);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_STATE), "Completed"));
        chromium.screenshot("case-organisational-aeoi-dispatched");
    }

    @Test
    @Order(5)
    void renewingBeforeTheWindowIsSaidPlainlyAndTakesASupervisorsApprovalAndTheMediumIsTheSubscribersChoice() throws Exception {
        // issue 29: CHAN TAI MAN's certificate runs two more years, so Personal's usual 21-day window is far off
        as("clerk1", "Clerk#2026");
        chromium.nav(TopBar.NAV_CASES);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.CERTIFICATE)));
        chromium.type(CaseScreen.CERTIFICATE, "SRN-P-000001");
        chromium.choose(CaseScreen.TYPE, "PERSONAL");
        chromium.choose(CaseScreen.VARIANT, "STANDARD");
        chromium.choose(CaseScreen.YEARS, "3");
        chromium.choose(CaseScreen.DELIVERY, "DISPATCH");
        chromium.choose(CaseScreen.MEDIUM, "ecert-file-card");   // posted on the medium the subscriber chose on the form
        chromium.click(CaseScreen.OPEN_CASE);
        String refused = messages("case");
        assertTrue(refused.contains("gives up the") && refused.contains("A supervisor may approve"), refused);
        browser.findElement(By.cssSelector("#outsideWindow summary")).click();
        chromium.type(CaseScreen.OUTSIDE_SUPERVISOR, "super1");
        chromium.type(CaseScreen.OUTSIDE_PASSWORD, "Super#2026");
        chromium.type(CaseScreen.OUTSIDE_REASON, "customer emigrates next month and renews before leaving");
        chromium.click(CaseScreen.OPEN_CASE);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.CASE_REF)));
        assertTrue(chromium.text(CaseScreen.EARLY_RENEWAL).contains("gives up the"), chromium.text(CaseScreen.EARLY_RENEWAL));
        String history = chromium.text(SharedIds.HISTORY);
        assertTrue(history.contains("approved renewing outside the window") && history.contains("customer emigrates"), history);
        assertTrue(history.contains("to be posted on e-Cert File Card"), history);
        chromium.screenshot("case-early-renewal-approved");
    }

    /** The mail to {@code to} whose subject contains {@code about}, once it has arrived. */
    private static jakarta.mail.internet.MimeMessage mailTo(String to, String about) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessagesForDomain(to)) {
                if (m.getSubject().contains(about)) {
                    return m;
                }
            }
            smtp.waitForIncomingEmail(2_000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + to + " about " + about);
    }

    /** Every text part of a message, decoded (plain text and HTML). */
    private static String text(jakarta.mail.Part p) throws Exception {
        if (p.isMimeType("text/*")) {
            return (String) p.getContent();
        }
        StringBuilder b = new StringBuilder();
        if (p.getContent() instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                b.append(text(mp.getBodyPart(i))).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Uploads the chosen CSR. The button posts the whole page: the answer is a new page, so the wait first sees the old
     * one go (its problems and messages from the upload before are still on it until then).
     */
    private void upload() {
        org.openqa.selenium.WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(CsrScreen.UPLOAD)).click();
        chromium.waitUpTo(30).until(Browser.replaced(before));
    }

    private void choose(String file) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('csr:pasted').value = '';");
        browser.findElement(By.id(CsrScreen.CSR_FILE)).sendKeys(file);
        chromium.waitUpTo(10).until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.getElementById('csr:pasted').value;")).contains("-----BEGIN"));
    }

    private static String opensslWith(Path dir, String name, String cn, String key, String digest) throws Exception {
        Path out = dir.resolve(name + ".csr");
        Process p = new ProcessBuilder("openssl", "req", "-new", "-newkey", key, "-nodes", "-" + digest, "-keyout",
                dir.resolve(name + ".key").toString(), "-subj", "/C=HK/O=DEMO TRADING LIMITED/CN=" + cn, "-addext",
                "subjectAltName=DNS:" + cn, "-out", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), said);
        return out.toString();
    }

    @Test
    @Order(6)
    void theArIsAskedForTheCsrByEmailUploadsItThroughTheLinkAndIsToldTheCertificateIsIssued() throws Exception {
        // issue 30, end to end: a Server case approved → the CSR request arrives → its link opened → a CSR made with
        // openssl req uploaded → the certificate issued with exactly the approved names → the "issued" mail arrives
        as("clerk1", "Clerk#2026");
        String caseRef = openCase("SRN-S-000020", "SERVER", "MULTI_DOMAIN", "1", "CSR", "shop.demo-trading.hk");
        String fee = chromium.text(CaseScreen.CASE_FEE).replace("HK$", "").replace(",", "").replaceAll("\\.00$", "");
        captureDocuments(caseRef);
        identityAndPayment(caseRef, fee);
        officerApproves(caseRef);

        jakarta.mail.internet.MimeMessage request = mailTo("ar@shop.demo-trading.hk", caseRef);
        String body = text(request);
        assertTrue(body.contains("shop.demo-trading.hk") && body.contains("伺服器名稱"), "both languages: " + body);
        assertTrue(request.isMimeType("multipart/alternative"), request.getContentType());
        assertTrue(body.contains("<a href=") && body.contains("lang=\"zh-HK\""), "an HTML part: " + body);
        assertTrue(!body.matches("(?s).*\\b[A-Z]{1,2}\\d{6}\\(?[0-9A]\\)?(?![0-9A-Z]).*"), "no HKID: " + body);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http\\S+/csr\\.xhtml\\?t=[A-Za-z0-9_-]{43})").matcher(body);
        assertTrue(link.find(), "the one-time link: " + body);

        // the link opened in a browser of its own: no staff login
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(link.group(1));
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(CsrScreen.CSR_CASE), caseRef));
        assertEquals("[shop.demo-trading.hk]", chromium.text(CsrScreen.CSR_NAMES));
        chromium.assertAccessible("CSR upload (the AR's link)");
        Path dir = Files.createTempDirectory("csr-upload-");
        for (String[] wrong : List.of(new String[]{"other", "pay.demo-trading.hk", "rsa:2048", "sha256", "not approved"},
                new String[]{"small", "shop.demo-trading.hk", "rsa:1024", "sha256", "1024 bits"},
                new String[]{"sha1", "shop.demo-trading.hk", "rsa:2048", "sha1", "SHA-1"})) {
            choose(opensslWith(dir, wrong[0], wrong[1], wrong[2], wrong[3]));
            upload();
            try {
                chromium.waitUpTo(20).until(d -> !d.findElements(By.id(SharedIds.CSR_PROBLEMS)).isEmpty()
                        || !d.findElements(By.id(CsrScreen.MESSAGES)).isEmpty() && !d.findElement(By.id(CsrScreen.MESSAGES)).getText().isBlank());
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("after uploading " + wrong[0] + " the page shows: " + browser.getCurrentUrl() + " "
                        + browser.getPageSource().substring(0, Math.min(3000, browser.getPageSource().length())), e);
            }
            assertTrue(!browser.findElements(By.id(SharedIds.CSR_PROBLEMS)).isEmpty(), chromium.text(CsrScreen.MESSAGES));
            assertTrue(chromium.text(SharedIds.CSR_PROBLEMS).contains(wrong[4]), wrong[0] + ": " + chromium.text(SharedIds.CSR_PROBLEMS));
        }
        choose(opensslWith(dir, "good", "shop.demo-trading.hk", "rsa:2048", "sha256"));
        upload();
        chromium.waitUpTo(30).until(d -> !d.findElements(By.id(SharedIds.CERTIFICATE_PEM)).isEmpty()
                || !d.findElement(By.id(CsrScreen.MESSAGES)).getText().isBlank() && d.findElements(By.id(SharedIds.CSR_PROBLEMS)).isEmpty());
        assertTrue(!browser.findElements(By.id(SharedIds.CERTIFICATE_PEM)).isEmpty(), chromium.text(CsrScreen.MESSAGES));
        chromium.screenshot("csr-uploaded-and-issued");
        Path issued = dir.resolve("issued.pem");
        Files.writeString(issued, browser.findElement(By.id(SharedIds.CERTIFICATE_PEM)).getAttribute("value"));
        Process p = new ProcessBuilder("openssl", "x509", "-in", issued.toString(), "-noout", "-ext", "subjectAltName")
                .redirectErrorStream(true).start();
        String san = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), san);
        assertTrue(san.contains("DNS:shop.demo-trading.hk") && !san.contains("pay.demo-trading.hk"), "exactly the approved names: " + san);

        jakarta.mail.internet.MimeMessage done = mailTo("ar@shop.demo-trading.hk", "issued");
        assertTrue(text(done).contains("certificate-chain.pem") && done.isMimeType("multipart/mixed"), done.getContentType());

        // the link is spent
        chromium.driver.get(link.group(1));
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CsrScreen.LINK_REFUSED)));
        assertTrue(chromium.text(CsrScreen.LINK_REFUSED).contains("has been used"), chromium.text(CsrScreen.LINK_REFUSED));
    }
}
