package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.CaptureScreen;
import hk.post.ecert.counter.it.screens.CaseScreen;
import hk.post.ecert.counter.it.screens.HomeScreen;
import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.TillScreen;
import hk.post.ecert.counter.it.screens.TopBar;
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

    /**
     * Opens the logged-in clerk's till with a float of ten HK$100 notes, or keeps it when it is open already (on the
     * server the test classes share, another class may have opened the same clerk's till before, as a clerk finds it
     * open after a break).
     */
    void openTill() {
        chromium.nav(TopBar.NAV_TILL);
        By floatNotes = By.cssSelector("input.float-NOTE_100");
        By open = By.cssSelector("#" + TillScreen.TILL_STATUS + ".till-OPEN");
        chromium.waitUpTo(20).until(d -> !d.findElements(floatNotes).isEmpty() || !d.findElements(open).isEmpty());
        if (!browser.findElements(open).isEmpty()) {
            return;
        }
        browser.findElement(floatNotes).sendKeys("10");
        chromium.click(TillScreen.OPEN_TILL);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(TillScreen.TILL_STATUS), "Open"));
    }

    String openCase(String certificate, String type, String variant, String years, String delivery, String names) {
        return openCase(certificate, type, variant, years, delivery, names, "TOKEN_AT_COUNTER".equals(delivery) ? "softhsm2" : null);
    }

    /** Opens a case; for token delivery {@code medium} is the medium it names (here the DEMO software token). */
    String openCase(String certificate, String type, String variant, String years, String delivery, String names, String medium) {
        chromium.nav(TopBar.NAV_CASES);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.CERTIFICATE)));
        chromium.type(CaseScreen.CERTIFICATE, certificate);
        chromium.choose(CaseScreen.TYPE, type);
        chromium.choose(CaseScreen.VARIANT, variant);
        chromium.choose(CaseScreen.YEARS, years);
        chromium.choose(CaseScreen.DELIVERY, delivery);
        if (medium != null) {
            chromium.choose(CaseScreen.MEDIUM, medium);
        }
        if (names != null) {
            chromium.type(CaseScreen.NAMES, names);
        }
        chromium.click(CaseScreen.OPEN_CASE);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.CASE_REF)));
        return chromium.text(SharedIds.CASE_REF);
    }

    void resume(String caseRef) {
        chromium.nav(TopBar.NAV_CASES);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.RESUME_REF)));
        chromium.type(CaseScreen.RESUME_REF, caseRef);
        chromium.click(CaseScreen.RESUME);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.CASE_REF), caseRef));
    }

    /** Scans the form (the demo simulator has it), with the AR's identity document and the BR certificate when asked, labels, submits. */
    void captureDocuments(String caseRef, boolean supporting) {
        SimulatedScanner scanner = terminal.devices().simulatedScanner().orElseThrow();
        if (supporting) {
            scanner.load(List.of(FormCaptureBrowserIT.document("BUSINESS REGISTRATION"), FormCaptureBrowserIT.document("AR IDENTITY")));
        }
        chromium.nav(TopBar.NAV_CAPTURE);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaptureScreen.CASE_REF)));
        chromium.type(CaptureScreen.CASE_REF, caseRef);
        chromium.click(CaptureScreen.RESUME);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.OPEN_CASE), caseRef));
        scanTheForm();
        chromium.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Scanned"));
        chromium.pollStopped(CaptureScreen.JOB_POLL);
        for (String[] label : supporting ? new String[][] {{"0", "BUSINESS_REGISTRATION"}, {"1", "AR_IDENTITY"}} : new String[0][]) {
            WebElement card = browser.findElements(By.cssSelector(".page-card.unidentified")).get(Integer.parseInt(label[0]));
            new Select(card.findElement(By.cssSelector("select.doc-label"))).selectByValue(label[1]);
            card.findElement(By.cssSelector("button.save-label")).click();
            chromium.ajaxSettled();
        }
        chromium.click(CaptureScreen.SUBMIT);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.DOCUMENTS)));
    }

    void identityAndPayment(String caseRef, String cash, String id, String name, String dateOfBirth) {
        resume(caseRef);
        identityPaymentAndVetting(cash, id, name, dateOfBirth);
    }

    /** The officer approves; returns what the vetting screen said (for registered mail: the PIN, shown once). */
    String officerApproves(String caseRef, String backAs, String backPassword) {
        as("officer1", "Officer#2026");
        chromium.nav(TopBar.NAV_VETTING);
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
        browser.findElement(By.id(TopBar.NAV_HOME)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(HomeScreen.QUERY)));
        chromium.type(HomeScreen.QUERY, srn);
        chromium.click(HomeScreen.FIND);
        String link = atTheCounter ? "search:renewAtCounter" : HomeScreen.RENEW;
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(link)));
        chromium.nav(link);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.OPEN_CASE)));
        assertEquals(srn, browser.findElement(By.id(CaseScreen.CERTIFICATE)).getAttribute("value"), "the certificate comes from the search");
        if (!years.equals(browser.findElement(By.id(CaseScreen.YEARS_INPUT)).getAttribute("value"))) {
            chromium.choose(CaseScreen.YEARS, years);   // a variant with one term shows it already: nothing to choose
        }
        if (medium != null) {
            chromium.choose(CaseScreen.MEDIUM, medium);
        }
        chromium.click(CaseScreen.OPEN_CASE);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.CASE_REF)));
        return chromium.text(SharedIds.CASE_REF);
    }

    /**
     * On the case screen, in the order the focus leads: identity (Enter submits), the signed form scanned from the case
     * (archived by itself when every page is identified), the exact cash by one button with the receipt language the
     * customer reads; the case then goes to HKPCA by itself.
     */
    void walkInSteps(String id, String name, String dateOfBirth, String receiptLanguage) {
        assertEquals(CaseScreen.ID_NUMBER, browser.switchTo().activeElement().getAttribute("id"), "the focus is on the identity check");
        chromium.type(CaseScreen.ID_NUMBER, id);
        chromium.type(CaseScreen.NAME_ON_FORM, name);
        chromium.type(CaseScreen.DOB, dateOfBirth);
        chromium.actions++;   // Enter submits the identity check
        chromium.timed(() -> {
            browser.findElement(By.id(CaseScreen.DOB)).sendKeys(org.openqa.selenium.Keys.ENTER);
            chromium.ajaxSettled();
        });
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(CaseScreen.IDENTITY_DONE), "☑"));
        assertEquals(CaseScreen.SCAN_DOCUMENTS, browser.switchTo().activeElement().getAttribute("id"), "then on the scan");
        chromium.click(CaseScreen.SCAN_DOCUMENTS);
        // the screen's own poll sees the scan end and archives the pages: nobody presses "look again"
        chromium.waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id(CaseScreen.DOCUMENTS_DONE), "☑"));
        assertTrue(messages("case").contains("documents are archived") || messages("case").contains("文件已存檔"), messages("case"));
        assertEquals(CaseScreen.TENDERS_0_TENDER, browser.switchTo().activeElement().getAttribute("id"), "then on the exact cash");
        if (receiptLanguage != null) {
            browser.findElement(By.cssSelector("input[name='case:receiptLanguage'][value='" + receiptLanguage + "']")).click();
            chromium.actions++;
        }
        chromium.click(CaseScreen.TENDERS_0_TENDER);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-VETTING")));
    }

    /** On the case screen: identity, the fee in cash; the case then goes to HKPCA by itself. */
    void identityPaymentAndVetting(String cash, String id, String name, String dateOfBirth) {
        chromium.type(CaseScreen.ID_NUMBER, id);
        chromium.type(CaseScreen.NAME_ON_FORM, name);
        if (dateOfBirth != null) {
            chromium.type(CaseScreen.DOB, dateOfBirth);
        }
        chromium.click(CaseScreen.CONFIRM_IDENTITY);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(CaseScreen.IDENTITY_DONE), "☑"));
        assertEquals("☑", chromium.text(CaseScreen.DOCUMENTS_DONE));
        chromium.type(CaseScreen.CASH, cash);
        chromium.click(CaseScreen.PAY);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-VETTING")));
        assertTrue(chromium.text(SharedIds.HISTORY).contains("sent for vetting (identity, documents and fee complete)"), chromium.text(SharedIds.HISTORY));
    }

    /** Asks the terminal to scan the form and waits for the job to end (looking again if the screen's poll missed it). */
    private void scanTheForm() {
        chromium.click(CaptureScreen.SCAN);
        for (int attempt = 0; attempt < 4 && !chromium.text(SharedIds.JOB_STATUS).contains("Scanned"); attempt++) {
            try {
                chromium.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SharedIds.JOB_STATUS), "Scanned"));
            } catch (org.openqa.selenium.TimeoutException notYet) {
                chromium.click(CaptureScreen.REFRESH_JOB);
            }
        }
    }
}
