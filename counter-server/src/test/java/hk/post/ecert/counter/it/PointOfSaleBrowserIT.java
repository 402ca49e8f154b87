package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.CaseScreen;
import hk.post.ecert.counter.it.screens.HomeScreen;
import hk.post.ecert.counter.it.screens.OfficeDayScreen;
import hk.post.ecert.counter.it.screens.SaleScreen;
import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.StaffScreen;
import hk.post.ecert.counter.it.screens.SubscribersScreen;
import hk.post.ecert.counter.it.screens.TillScreen;
import hk.post.ecert.counter.it.screens.TopBar;
import hk.post.ecert.counter.it.screens.VerifyScreen;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import hk.post.ecert.terminal.TerminalAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A day of counter trade in headless Chromium: a clerk opens the till, takes a cash sale with change (a double
 * click charges once and prints one receipt), reprints it as a COPY, voids a sale with a supervisor's password,
 * closes the till blind with a variance; the supervisor signs it off, verifies the journal and closes the office day,
 * and the Z report carries the variance.
 */
@ExtendWith(CounterServer.class)
@CounterServer.OwnServer   // it closes the office day
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)   // when it starts in a parallel run (issue 32): see CounterServer
class PointOfSaleBrowserIT {


    URL base;

    private static TerminalAgent terminal;
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



    /** Opens the public check page with a receipt's QR text, as a customer's phone would; returns the verdict shown. */
    private String checkReceipt(String seal) {
        browser.get(base + "verify.xhtml?s=" + java.net.URLEncoder.encode(seal, java.nio.charset.StandardCharsets.UTF_8));
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(VerifyScreen.VERDICT)));
        return chromium.text(VerifyScreen.VERDICT);
    }

    private void count(String prefix, String denomination, int n) {
        WebElement e = browser.findElement(By.cssSelector("input." + prefix + "-" + denomination));
        e.clear();
        e.sendKeys(Integer.toString(n));
    }


    @Test
    @Order(1)
    void aCashSaleWithChangeIsChargedOnceAndAVoidNeedsASupervisor() throws Exception {
        terminal = Terminals.demoTerminal(base, Files.createTempDirectory("terminal-"));
        assertTrue(terminal.awaitOnline(Duration.ofSeconds(30)), "the demo terminal comes online");
        VirtualPrinter printer = terminal.devices().virtualPrinter().orElseThrow();

        chromium.login(base.toString(), "clerk1", "Clerk#2026");
        browser.findElement(By.id(TopBar.NAV_SALE)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SaleScreen.NO_TILL)));

        // open the till with a counted float of HK$1,000
        browser.findElement(By.id(TopBar.NAV_TILL)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.float-NOTE_100")));
        assertTrue(chromium.text(TillScreen.TILL_STATUS).contains("No till open"), chromium.text(TillScreen.TILL_STATUS));
        count("float", "NOTE_100", 10);
        chromium.click(TillScreen.OPEN_TILL);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(TillScreen.TILL_STATUS), "Open"));
        assertEquals("HK$1,000.00", chromium.text(TillScreen.FLOAT_AMOUNT));
        assertTrue(browser.findElements(By.id(TillScreen.EXPECTED_AMOUNT)).isEmpty(), "no expected cash while the till is open");

        // a Personal subscription extension, HK$48, paid with a HK$100 note
        browser.findElement(By.id(TillScreen.TO_SALE)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SaleScreen.WHAT)));
        // issue 28: the basket takes only what exists and can be paid now, each refused in words
        chromium.type(SaleScreen.WHAT, "EXT-0001");
        chromium.click(SaleScreen.ADD_ITEM);
        assertTrue(chromium.text(SaleScreen.MESSAGES).contains("Type a case reference"), chromium.text(SaleScreen.MESSAGES));
        chromium.type(SaleScreen.WHAT, "RC-20261206-NOCASE");
        chromium.click(SaleScreen.ADD_ITEM);
        assertTrue(chromium.text(SaleScreen.MESSAGES).contains("No case RC-20261206-NOCASE"), chromium.text(SaleScreen.MESSAGES));
        chromium.type(SaleScreen.WHAT, "SRN-P-000003");
        chromium.click(SaleScreen.ADD_ITEM);
        assertTrue(chromium.text(SaleScreen.MESSAGES).contains("new application"), chromium.text(SaleScreen.MESSAGES));
        assertTrue(browser.findElements(By.cssSelector("#lines tr.line")).isEmpty(), "nothing that cannot be paid is in the basket");
        assertEquals("true", browser.findElement(By.id(SaleScreen.PAY)).getAttribute("disabled"));
        // SRN-P-000006's subscription ended yesterday; its certificate runs two more years: one year is HK$48
        chromium.type(SaleScreen.WHAT, "SRN-P-000006");
        chromium.click(SaleScreen.ADD_ITEM);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SaleScreen.TOTAL), "HK$48.00"));
        assertTrue(chromium.text(SaleScreen.LINES).contains("SRN-P-000006"), chromium.text(SaleScreen.LINES));
        chromium.type(SaleScreen.CASH, "100");
        new Actions(browser).doubleClick(browser.findElement(By.id(SaleScreen.PAY))).perform();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SaleScreen.CHANGE)));
        chromium.ajaxSettled();
        assertEquals("HK$52.00", chromium.text(SaleScreen.CHANGE));
        assertTrue(chromium.text(SaleScreen.CHANGE_PIECES).contains("1 × $50 note") && chromium.text(SaleScreen.CHANGE_PIECES).contains("1 × $2 coin"), chromium.text(SaleScreen.CHANGE_PIECES));
        String txn = chromium.text(SaleScreen.LAST_TXN);
        assertTrue(printer.awaitReceipts(1, 20, TimeUnit.SECONDS), "the receipt is printed");
        String receipt = printer.receipts().get(0).text();
        assertTrue(receipt.contains(txn) && receipt.contains("HK$52.00") && receipt.contains("HK$48.00"), receipt);
        chromium.screenshot("pos-cash-sale-with-change");
        Thread.sleep(1500);
        assertEquals(1, printer.receipts().size(), "a double click printed one receipt");
        assertEquals(1, browser.findElements(By.cssSelector("#recent td.txn")).size(), "and recorded one sale");

        chromium.click(SaleScreen.REPRINT);
        assertTrue(printer.awaitReceipts(2, 20, TimeUnit.SECONDS));
        String copy = printer.receipts().get(1).text();
        assertTrue(copy.startsWith("*** COPY 副本 ***") && copy.contains(txn), copy);

        // void it: a wrong supervisor password is refused and records nothing
        chromium.type(SaleScreen.REVERSE_TXN, txn);
        chromium.type(SaleScreen.REVERSE_REASON, "wrong service chosen");
        chromium.type(SaleScreen.SUPERVISOR, "super1");
        chromium.type(SaleScreen.SUPERVISOR_PASSWORD, "not-the-password");
        chromium.click(SaleScreen.VOID);
        assertTrue(browser.findElement(By.id(SaleScreen.MESSAGES)).getText().contains("supervisor's user name or password is not correct"),
                browser.findElement(By.id(SaleScreen.MESSAGES)).getText());
        assertEquals("", browser.findElement(By.cssSelector("#recent td.reversal")).getText());
        chromium.type(SaleScreen.SUPERVISOR_PASSWORD, "Super#2026");
        chromium.click(SaleScreen.VOID);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SaleScreen.LAST_REVERSAL)));
        assertTrue(chromium.text(SaleScreen.LAST_REVERSAL).startsWith("VOID"), chromium.text(SaleScreen.LAST_REVERSAL));
        assertTrue(browser.findElement(By.cssSelector("#recent td.reversal")).getText().startsWith("VOID"));
        assertTrue(printer.awaitReceipts(3, 20, TimeUnit.SECONDS));
        String voidSlip = printer.receipts().get(2).text();
        assertTrue(voidSlip.contains("VOID") && voidSlip.contains("super1") && voidSlip.contains(txn), voidSlip);


        // the voided extension went back with its money: found again through Counter home's one search and put into
        // the sale's basket, its year runs from where the subscription was
        browser.findElement(By.id(TopBar.NAV_HOME)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(HomeScreen.QUERY)));
        chromium.type(HomeScreen.QUERY, "SRN-P-000006");
        chromium.click(HomeScreen.FIND);
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(HomeScreen.TO_BASKET))).click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SaleScreen.TOTAL), "HK$48.00"));
        String runsTo = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Hong_Kong")).minusDays(1).plusYears(1).toString();
        assertTrue(chromium.text(SaleScreen.LINES).contains("subscription to " + runsTo), chromium.text(SaleScreen.LINES));
        // the same customer pays a renewal case's fee in the same sale (one sale, one receipt)
        StaffHttp api = new StaffHttp(base);
        api.login("clerk1", "Clerk#2026");
        java.net.http.HttpResponse<String> opened = api.postJson("api/counter/cases",
                "{\"certificate\":\"SRN-P-000002\",\"variant\":\"STANDARD\",\"years\":3,\"delivery\":\"DISPATCH\"}");
        assertEquals(200, opened.statusCode(), opened.body());
        String caseRef = (String) hk.post.ecert.devices.wire.Json.readObject(opened.body()).get("case");
        chromium.type(SaleScreen.WHAT, caseRef);
        chromium.click(SaleScreen.ADD_ITEM);
        chromium.waitUpTo(20).until(d -> chromium.text(SaleScreen.LINES).contains(caseRef));
        String basketTotal = chromium.text(SaleScreen.TOTAL);
        assertFalse("HK$48.00".equals(basketTotal), "the case's fee is in the basket beside the extension: " + basketTotal);
        // a cheque that is post-dated is refused with its reason
        chromium.type(SaleScreen.PAPER_AMOUNT, "48");
        chromium.type(SaleScreen.PAPER_BANK, "HSBC");
        chromium.type(SaleScreen.PAPER_NUMBER, "123456");
        chromium.type(SaleScreen.PAPER_DATE, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Hong_Kong")).plusDays(3).toString());
        chromium.type(SaleScreen.PAPER_PAYEE, "Postmaster General");
        chromium.click(SaleScreen.PAY);
        assertTrue(browser.findElement(By.id(SaleScreen.MESSAGES)).getText().contains("post-dated"),
                browser.findElement(By.id(SaleScreen.MESSAGES)).getText());
        // paid exactly in cash instead
        chromium.type(SaleScreen.PAPER_AMOUNT, "");
        chromium.type(SaleScreen.CASH, basketTotal.replace("HK$", "").replace(",", ""));
        chromium.click(SaleScreen.PAY);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SaleScreen.CHANGE), "HK$0.00"));
        assertEquals(2, browser.findElements(By.cssSelector("#recent td.txn")).size());
        // the customer changes their mind once more: voided, and the subscription is back where it was (it lapsed yesterday)
        String second = chromium.text(SaleScreen.LAST_TXN);
        chromium.type(SaleScreen.REVERSE_TXN, second);
        chromium.type(SaleScreen.REVERSE_REASON, "customer changed their mind");
        chromium.type(SaleScreen.SUPERVISOR, "super1");
        chromium.type(SaleScreen.SUPERVISOR_PASSWORD, "Super#2026");
        chromium.click(SaleScreen.VOID);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SaleScreen.LAST_REVERSAL), second));
        // the voided fee leaves the case unpaid, at the counter
        browser.get(base + "cases.xhtml?case=" + caseRef);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.PAYMENT_DONE)));
        assertEquals("☐", chromium.text(CaseScreen.PAYMENT_DONE), "the case is unpaid again");
        assertEquals("", hk.post.ecert.devices.wire.Json.readObject(api.get("api/counter/cases?ref=" + caseRef).body()).get("paymentId"));
        browser.findElement(By.id(TopBar.NAV_SALE)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SaleScreen.WHAT)));

        // issue 18: the receipt's QR proves itself on the public check page, and offline with the published keys
        String seal = printer.receipts().get(0).lines().stream().filter(l -> l.kind() == hk.post.ecert.devices.printer.simulated.PrintedLine.Kind.QR)
                .map(hk.post.ecert.devices.printer.simulated.PrintedLine::text).findFirst().orElseThrow();
        assertEquals(seal, printer.receipts().get(1).lines().stream().filter(l -> l.kind() == hk.post.ecert.devices.printer.simulated.PrintedLine.Kind.QR)
                .map(hk.post.ecert.devices.printer.simulated.PrintedLine::text).findFirst().orElseThrow(), "the COPY carries the same seal");
        String checkedVoid = checkReceipt(seal);
        assertTrue(checkedVoid.contains("Genuine, but the sale has since been voided"), checkedVoid);
        assertEquals(txn, chromium.text(VerifyScreen.SAYS_NUMBER));
        assertEquals("HK$48.00", chromium.text(VerifyScreen.SAYS_TOTAL));
        String voidSeal = printer.receipts().get(2).lines().stream().filter(l -> l.kind() == hk.post.ecert.devices.printer.simulated.PrintedLine.Kind.QR)
                .map(hk.post.ecert.devices.printer.simulated.PrintedLine::text).findFirst().orElseThrow();
        assertTrue(checkReceipt(voidSeal).startsWith("Genuine: this receipt is as the counter issued it"), chromium.text(VerifyScreen.VERDICT));
        assertEquals("Void slip", chromium.text(VerifyScreen.SAYS_KIND));
        assertEquals("-HK$48.00", chromium.text(VerifyScreen.SAYS_TOTAL));
        // one character of the statement changed (inside the digest of its lines): altered
        String[] parts = seal.split(":");
        char c = parts[2].charAt(90);
        String altered = parts[0] + ":" + parts[1] + ":" + parts[2].substring(0, 90) + (c == 'A' ? 'B' : 'A') + parts[2].substring(91);
        assertTrue(checkReceipt(altered).startsWith("Altered"), chromium.text(VerifyScreen.VERDICT));
        assertTrue(checkReceipt(seal.replace("ECR1:R1:", "ECR1:R9:")).startsWith("Unknown key"), chromium.text(VerifyScreen.VERDICT));
        // the offline verifier, with only the published keys, agrees with the page
        String keys = new String(base.toURI().resolve("api/receipt-keys").toURL().openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        var offline = hk.post.ecert.journal.receipt.ReceiptSeal.verify(seal, hk.post.ecert.journal.receipt.ReceiptKeyring.parse(keys));
        assertEquals(hk.post.ecert.journal.receipt.ReceiptSeal.Outcome.GENUINE, offline.outcome());
        assertTrue(hk.post.ecert.journal.receipt.VerifyReceipt.describe(offline).contains(txn));
        // the administrator rotates the receipt key: the old receipt still verifies, and says its key is retired
        chromium.switchUser(base.toString(), "admin", "Admin#2026");
        browser.findElement(By.id(TopBar.NAV_STAFF)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(StaffScreen.ROTATE_RECEIPT_KEY)));
        chromium.click(StaffScreen.ROTATE_RECEIPT_KEY);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(StaffScreen.KEY_MESSAGES), "now signs receipts"));
        assertTrue(chromium.text(StaffScreen.RECEIPT_KEY_LIST).contains("R1 — RETIRED"), chromium.text(StaffScreen.RECEIPT_KEY_LIST));
        String afterRotation = checkReceipt(voidSeal);
        assertTrue(afterRotation.startsWith("Genuine") && afterRotation.contains("key R1, which has since been retired"), afterRotation);
        chromium.switchUser(base.toString(), "clerk1", "Clerk#2026");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TopBar.NAV_SUBSCRIBERS)));
    }

    @Test
    @Order(2)
    void aPersonalSubscriptionIsExtendedForCashAtTheTill() throws Exception {
        VirtualPrinter printer = terminal.devices().virtualPrinter().orElseThrow();
        int printed = printer.receipts().size();
        browser.findElement(By.id(TopBar.NAV_SUBSCRIBERS)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SubscribersScreen.VALUE)));

        // a wrong HKID check digit is refused before anything is looked up
        chromium.choose(SubscribersScreen.BY, "HKID");
        chromium.type(SubscribersScreen.VALUE, "A123450(9)");
        chromium.type(SubscribersScreen.REASON, "customer asks about renewal");
        chromium.click(SubscribersScreen.LOOKUP);
        assertTrue(browser.findElement(By.id(SubscribersScreen.MESSAGES)).getText().contains("check digit"), browser.findElement(By.id(SubscribersScreen.MESSAGES)).getText());

        // an expired certificate: a new application, not a renewal
        chromium.choose(SubscribersScreen.BY, "SRN");
        chromium.type(SubscribersScreen.VALUE, "SRN-P-000003");
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SubscribersScreen.CERT_STATUS)));
        assertEquals("Expired", chromium.text(SubscribersScreen.CERT_STATUS));
        assertTrue(chromium.text(SubscribersScreen.NEW_APPLICATION).contains("new application"), chromium.text(SubscribersScreen.NEW_APPLICATION));
        assertTrue(browser.findElements(By.id(SubscribersScreen.PAY_EXTEND)).isEmpty());

        chromium.type(SubscribersScreen.VALUE, "SRN-P-000001");
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SubscribersScreen.CERT_STATUS), "Active"));
        java.time.LocalDate before = java.time.LocalDate.parse(chromium.text(SubscribersScreen.SUBSCRIPTION_END));
        assertEquals("HK$48.00", chromium.text(SubscribersScreen.EXT_QUOTE));
        chromium.type(SubscribersScreen.CASH, "50");
        chromium.click(SubscribersScreen.PAY_EXTEND);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.NEW_END)));
        assertEquals(before.plusYears(1).toString(), chromium.text(SharedIds.NEW_END));
        assertEquals("HK$2.00", chromium.text(SubscribersScreen.EXT_CHANGE));
        chromium.screenshot("pos-subscription-extended");
        assertTrue(printer.awaitReceipts(printed + 1, 20, TimeUnit.SECONDS), "the receipt is printed");
        String receipt = printer.receipts().get(printed).text();
        assertTrue(receipt.contains("SRN-P-000001") && receipt.contains("HK$48.00"), receipt);

        // looked up again, the subscription shows the new end and no more years can be bought past expiry
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SubscribersScreen.SUBSCRIPTION_END), before.plusYears(1).toString()));

        // issue 29: a certificate suspended because its subscription lapsed 40 days ago, with no grace period set by
        // HKPCA: paying reinstates it only with a supervisor's approval and a reason
        chromium.type(SubscribersScreen.VALUE, "SRN-P-000004");
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SubscribersScreen.CERT_STATUS), "Suspended"));
        assertTrue(chromium.text(SubscribersScreen.REINSTATEMENT).contains("HKPCA has set no grace period"), chromium.text(SubscribersScreen.REINSTATEMENT));
        assertTrue(browser.findElements(By.id(SubscribersScreen.PAY_EXTEND)).isEmpty(), "nothing is taken before the approval");
        chromium.type(SubscribersScreen.REINSTATE_SUPERVISOR, "super1");
        chromium.type(SubscribersScreen.REINSTATE_PASSWORD, "Super#2026");
        chromium.click(SubscribersScreen.APPROVE_REINSTATEMENT);
        assertTrue(chromium.text(SubscribersScreen.MESSAGES).contains("Say why"), chromium.text(SubscribersScreen.MESSAGES));
        chromium.type(SubscribersScreen.REINSTATE_SUPERVISOR, "super1");
        chromium.type(SubscribersScreen.REINSTATE_PASSWORD, "Super#2026");
        chromium.type(SubscribersScreen.REINSTATE_REASON, "customer was in hospital when the notice came");
        chromium.click(SubscribersScreen.APPROVE_REINSTATEMENT);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SubscribersScreen.PAY_EXTEND)));
        assertTrue(chromium.text(SubscribersScreen.REINSTATEMENT).contains("reinstates it"), chromium.text(SubscribersScreen.REINSTATEMENT));
        java.time.LocalDate lapsedOn = java.time.LocalDate.parse(chromium.text(SubscribersScreen.SUBSCRIPTION_END));
        assertEquals("HK$48.00", chromium.text(SubscribersScreen.EXT_QUOTE));
        chromium.type(SubscribersScreen.CASH, "48");
        chromium.click(SubscribersScreen.PAY_EXTEND);
        chromium.waitUpTo(20).until(d -> !d.findElements(By.id(SharedIds.NEW_END)).isEmpty() || !d.findElement(By.id(SubscribersScreen.MESSAGES)).getText().isBlank());
        assertFalse(browser.findElements(By.id(SharedIds.NEW_END)).isEmpty(), chromium.text(SubscribersScreen.MESSAGES));
        assertEquals(lapsedOn.plusYears(1).toString(), chromium.text(SharedIds.NEW_END), "the year runs on from the lapse: no day is given away");
        assertTrue(printer.awaitReceipts(printed + 2, 20, TimeUnit.SECONDS), "the receipt is printed");
        String reinstated = printer.receipts().get(printed + 1).text();
        assertTrue(reinstated.contains("SRN-P-000004") && reinstated.contains("reinstated"), reinstated);
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SubscribersScreen.CERT_STATUS), "Active"));
    }

    @Test
    @Order(3)
    void aBlindCloseRecordsTheVarianceAndTheDayClosesWithItInTheZReport() throws Exception {
        browser.findElement(By.id(TopBar.NAV_TILL)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.count-NOTE_100")));
        // expected: 1,000 float + 48 − 48 (void) + 48 − 48 (void) + 48 (extension) + 48 (reinstatement) = 1,096; the clerk counts 970
        count("count", "NOTE_100", 9);
        count("count", "NOTE_50", 1);
        count("count", "NOTE_20", 1);
        chromium.click(TillScreen.CLOSE_TILL);
        chromium.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id(TillScreen.CONFIRM_YES))).click();
        chromium.ajaxSettled();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TillScreen.VARIANCE_AMOUNT)));
        assertEquals("HK$970.00", chromium.text(TillScreen.COUNTED_AMOUNT));
        assertEquals("HK$1,096.00", chromium.text(TillScreen.EXPECTED_AMOUNT));
        assertEquals("-HK$126.00", chromium.text(TillScreen.VARIANCE_AMOUNT));
        chromium.screenshot("pos-blind-close-variance");
        chromium.type(TillScreen.VARIANCE_REASON, "HK$50 note given as change by mistake");
        chromium.click(TillScreen.EXPLAIN);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TillScreen.AWAITING_SIGN_OFF)));

        // the supervisor signs off, verifies the journal and closes the office day
        browser.findElement(By.id(TopBar.LOGOUT)).click();
        chromium.login(base.toString(), "super1", "Super#2026");
        browser.findElement(By.id(TopBar.NAV_DAY)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(OfficeDayScreen.DAY_VARIANCE)));
        assertEquals("-HK$126.00", chromium.text(OfficeDayScreen.DAY_VARIANCE));
        assertEquals("HK$96.00", chromium.text(OfficeDayScreen.DAY_NET));
        // issue 28: each sale line beside what it bought — the voided ones undone with their money, the live one tied
        assertEquals("HK$0.00", chromium.text(OfficeDayScreen.UNTIED), "every dollar is tied to its service");
        String ties = chromium.text(OfficeDayScreen.TIES);
        assertTrue(ties.contains("Reversed and undone") && ties.contains("Tied to its service") && !ties.contains("Not tied"), ties);
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[id$='signOff']"))).click();
        chromium.ajaxSettled();
        chromium.waitUpTo(20).until(d -> d.findElements(By.cssSelector("button[id$='signOff']")).isEmpty());
        chromium.click(OfficeDayScreen.VERIFY);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(OfficeDayScreen.VERIFY_RESULT)));
        assertTrue(chromium.text(OfficeDayScreen.VERIFY_RESULT).contains("intact"), chromium.text(OfficeDayScreen.VERIFY_RESULT));
        chromium.click(OfficeDayScreen.CLOSE_DAY);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(OfficeDayScreen.DAY_CLOSED)));
        chromium.screenshot("pos-office-day-closed");
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('day:zCsv').href).then(r => r.text()).then(done, e => done('ERR ' + e));");
        assertTrue(csv.contains("total,variance,0,-126.00"), csv);
        assertTrue(csv.contains("tender,CASH,4,96.00"), csv);
        assertTrue(csv.contains("fee_item,PERSONAL_EXTENSION_PER_YEAR,4,96.00"), csv);
        Long pdfBytes = (Long) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('day:zPdf').href).then(r => r.arrayBuffer()).then(b => done(b.byteLength), e => done(-1));");
        assertTrue(pdfBytes > 1000, "the Z report PDF: " + pdfBytes + " bytes");
        assertFalse(browser.getPageSource().contains("closeDay"), "the day cannot be closed twice from the screen");

        // the supervisor sees every subscriber lookup with its reason
        browser.findElement(By.id(TopBar.NAV_SUBSCRIBERS)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.AUDIT)));
        String audit = browser.findElement(By.id(SharedIds.AUDIT)).getText();
        assertTrue(audit.contains("clerk1") && audit.contains("customer asks about renewal") && audit.contains("SRN SRN-P-000001"), audit);
        assertFalse(audit.contains("A123450"), "HKIDs appear masked in the audit: " + audit);

        // the nightly job, run now: the Personal subscription that lapsed yesterday is suspended and on the CRL
        chromium.click(SubscribersScreen.LAPSED);
        assertTrue(browser.findElement(By.id(SubscribersScreen.MESSAGES)).getText().contains("1 certificate(s)"),
                browser.findElement(By.id(SubscribersScreen.MESSAGES)).getText());
        chromium.choose(SubscribersScreen.BY, "SRN");
        chromium.type(SubscribersScreen.VALUE, "SRN-P-000006");
        chromium.type(SubscribersScreen.REASON, "check the suspension");
        chromium.click(SubscribersScreen.LOOKUP);
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(SubscribersScreen.CERT_STATUS), "Suspended"));
        String serial = chromium.text(SharedIds.SERIAL);
        byte[] crl = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "api/crl/2-17.crl")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        org.bouncycastle.cert.X509CRLHolder holder = new org.bouncycastle.cert.X509CRLHolder(crl);
        assertTrue(holder.getRevokedCertificate(new java.math.BigInteger(serial, 16)) != null, "the suspended certificate is on the CRL");
        assertEquals(org.bouncycastle.asn1.x509.CRLReason.certificateHold, org.bouncycastle.asn1.x509.CRLReason.getInstance(
                holder.getRevokedCertificate(new java.math.BigInteger(serial, 16)).getExtensions()
                        .getExtensionParsedValue(org.bouncycastle.asn1.x509.Extension.reasonCode)).getValue().intValue());
        chromium.click(SubscribersScreen.LAPSED);
        assertTrue(browser.findElement(By.id(SubscribersScreen.MESSAGES)).getText().contains("0 certificate(s)"), "a second run suspends nothing more");
    }
}
