package hk.post.ecert.counter.it;

import hk.post.ecert.devices.scanner.simulated.SimulatedScanner;
import hk.post.ecert.terminal.TerminalAgent;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A renewal case walked through the screens as the clerk and the HKPCA officer do: till, case, documents, identity, fee, vetting. */
final class CaseFlow {

    private final Browser chromium;
    private final WebDriver browser;
    private final URL base;
    private final TerminalAgent terminal;

    CaseFlow(Browser chromium, URL base, TerminalAgent terminal) {
        this.chromium = chromium;
        this.browser = chromium.driver;
        this.base = base;
        this.terminal = terminal;
    }

    String messages(String form) {
        return browser.findElement(By.id(form + ":messages")).getText();
    }

    void as(String user, String password) {
        chromium.switchUser(base.toString(), user, password);
    }

    /** Opens the logged-in clerk's till with a float of ten HK$100 notes. */
    void openTill() {
        chromium.nav("top:navTill");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.float-NOTE_100")));
        browser.findElement(By.cssSelector("input.float-NOTE_100")).sendKeys("10");
        chromium.click("till:openTill");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("tillStatus"), "Open"));
    }

    String openCase(String certificate, String type, String variant, String years, String delivery, String names) {
        return openCase(certificate, type, variant, years, delivery, names, "TOKEN_AT_COUNTER".equals(delivery) ? "softhsm2" : null);
    }

    /** Opens a case; for token delivery {@code medium} is the medium it names (here the DEMO software token). */
    String openCase(String certificate, String type, String variant, String years, String delivery, String names, String medium) {
        chromium.nav("top:navCases");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("case:certificate")));
        chromium.type("case:certificate", certificate);
        chromium.choose("case:type", type);
        chromium.choose("case:variant", variant);
        chromium.choose("case:years", years);
        chromium.choose("case:delivery", delivery);
        if (medium != null) {
            chromium.choose("case:medium", medium);
        }
        if (names != null) {
            chromium.type("case:names", names);
        }
        chromium.click("case:openCase");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("caseRef")));
        return chromium.text("caseRef");
    }

    void resume(String caseRef) {
        chromium.nav("top:navCases");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("case:resumeRef")));
        chromium.type("case:resumeRef", caseRef);
        chromium.click("case:resume");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("caseRef"), caseRef));
    }

    /** Scans the form (the demo simulator has it), with the AR's identity document and the BR certificate when asked, labels, submits. */
    void captureDocuments(String caseRef, boolean supporting) {
        SimulatedScanner scanner = terminal.devices().simulatedScanner().orElseThrow();
        if (supporting) {
            scanner.load(List.of(FormCaptureBrowserIT.document("BUSINESS REGISTRATION"), FormCaptureBrowserIT.document("AR IDENTITY")));
        }
        chromium.nav("top:navCapture");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("capture:caseRef")));
        chromium.type("capture:caseRef", caseRef);
        chromium.click("capture:resume");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("openCase"), caseRef));
        scanTheForm();
        chromium.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobStatus"), "Scanned"));
        chromium.pollStopped("capture:jobPoll");
        for (String[] label : supporting ? new String[][] {{"0", "BUSINESS_REGISTRATION"}, {"1", "AR_IDENTITY"}} : new String[0][]) {
            WebElement card = browser.findElements(By.cssSelector(".page-card.unidentified")).get(Integer.parseInt(label[0]));
            new Select(card.findElement(By.cssSelector("select.doc-label"))).selectByValue(label[1]);
            card.findElement(By.cssSelector("button.save-label")).click();
            chromium.ajaxSettled();
        }
        chromium.click("capture:submit");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("documents")));
    }

    void identityAndPayment(String caseRef, String cash, String id, String name, String dateOfBirth) {
        resume(caseRef);
        identityPaymentAndVetting(cash, id, name, dateOfBirth);
    }

    /** The officer approves; returns what the vetting screen said (for registered mail: the PIN, shown once). */
    String officerApproves(String caseRef, String backAs, String backPassword) {
        as("officer1", "Officer#2026");
        chromium.nav("top:navVetting");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".vet-case")));
        WebElement mine = browser.findElements(By.cssSelector(".vet-case")).stream()
                .filter(f -> f.findElement(By.cssSelector(".vet-ref")).getText().equals(caseRef)).findFirst().orElseThrow();
        assertTrue(mine.getText().contains("sent for vetting"), mine.getText());
        // issue 33: the queue says where the case comes from and how long it has waited, and takes the oldest first
        assertTrue(!mine.findElement(By.cssSelector(".vet-office")).getText().isBlank()
                && mine.findElement(By.cssSelector(".vet-age")).getText().matches("\\d+ (min|h \\d+ min|d \\d+ h)"), mine.getText());
        mine.findElement(By.cssSelector("button.approve")).click();
        chromium.ajaxSettled();
        // read the queue in one script: the list is re-rendered under a loop over its elements
        chromium.waitUpTo(20).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('.vet-ref')).every(e => e.textContent.trim() !== arguments[0]);", caseRef)));
        String said = messages("vet");
        as(backAs, backPassword);
        return said;
    }

    /**
     * The walk-in path (issue 16): from Counter home's customer search to a case opened pre-filled by a renew link
     * (certificate, type and variant come from the certificate found; "write at the counter" chooses that delivery);
     * the clerk chooses the term and the medium. Returns the case reference.
     */
    String openCaseFromCounterHome(String srn, String years, boolean atTheCounter, String medium) {
        browser.findElement(By.id("top:navHome")).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("search:query")));
        chromium.type("search:query", srn);
        chromium.click("search:find");
        String link = atTheCounter ? "search:renewAtCounter" : "search:renew";
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(link)));
        chromium.nav(link);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("case:openCase")));
        assertEquals(srn, browser.findElement(By.id("case:certificate")).getAttribute("value"), "the certificate comes from the search");
        if (!years.equals(browser.findElement(By.id("case:years_input")).getAttribute("value"))) {
            chromium.choose("case:years", years);   // a variant with one term shows it already: nothing to choose
        }
        if (medium != null) {
            chromium.choose("case:medium", medium);
        }
        chromium.click("case:openCase");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("caseRef")));
        return chromium.text("caseRef");
    }

    /**
     * On the case screen, in the order the focus leads: identity (Enter submits), the signed form scanned from the case
     * (archived by itself when every page is identified), the exact cash by one button with the receipt language the
     * customer reads; the case then goes to HKPCA by itself.
     */
    void walkInSteps(String id, String name, String dateOfBirth, String receiptLanguage) {
        assertEquals("case:idNumber", browser.switchTo().activeElement().getAttribute("id"), "the focus is on the identity check");
        chromium.type("case:idNumber", id);
        chromium.type("case:nameOnForm", name);
        chromium.type("case:dob", dateOfBirth);
        chromium.actions++;   // Enter submits the identity check
        chromium.timed(() -> {
            browser.findElement(By.id("case:dob")).sendKeys(org.openqa.selenium.Keys.ENTER);
            chromium.ajaxSettled();
        });
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("identityDone"), "☑"));
        assertEquals("case:scanDocuments", browser.switchTo().activeElement().getAttribute("id"), "then on the scan");
        chromium.click("case:scanDocuments");
        // the screen's own poll sees the scan end and archives the pages: nobody presses "look again"
        chromium.waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("documentsDone"), "☑"));
        assertTrue(messages("case").contains("documents are archived") || messages("case").contains("文件已存檔"), messages("case"));
        assertEquals("case:tenders:0:tender", browser.switchTo().activeElement().getAttribute("id"), "then on the exact cash");
        if (receiptLanguage != null) {
            browser.findElement(By.cssSelector("input[name='case:receiptLanguage'][value='" + receiptLanguage + "']")).click();
            chromium.actions++;
        }
        chromium.click("case:tenders:0:tender");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-VETTING")));
    }

    /** On the case screen: identity, the fee in cash; the case then goes to HKPCA by itself. */
    void identityPaymentAndVetting(String cash, String id, String name, String dateOfBirth) {
        chromium.type("case:idNumber", id);
        chromium.type("case:nameOnForm", name);
        if (dateOfBirth != null) {
            chromium.type("case:dob", dateOfBirth);
        }
        chromium.click("case:confirmIdentity");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("identityDone"), "☑"));
        assertEquals("☑", chromium.text("documentsDone"));
        chromium.type("case:cash", cash);
        chromium.click("case:pay");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-VETTING")));
        assertTrue(chromium.text("history").contains("sent for vetting (identity, documents and fee complete)"), chromium.text("history"));
    }

    /** Asks the terminal to scan the form and waits for the job to end (looking again if the screen's poll missed it). */
    private void scanTheForm() {
        chromium.click("capture:scan");
        for (int attempt = 0; attempt < 4 && !chromium.text("jobStatus").contains("Scanned"); attempt++) {
            try {
                chromium.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobStatus"), "Scanned"));
            } catch (org.openqa.selenium.TimeoutException notYet) {
                chromium.click("capture:refreshJob");
            }
        }
    }
}
