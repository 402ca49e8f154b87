package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.BankDeskScreen;
import hk.post.ecert.counter.it.screens.CaseScreen;
import hk.post.ecert.counter.it.screens.GlanceScreen;
import hk.post.ecert.counter.it.screens.LoginScreen;
import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.SubscribersScreen;
import hk.post.ecert.counter.it.screens.TerminalsScreen;
import hk.post.ecert.counter.it.screens.TopBar;
import hk.post.ecert.counter.it.screens.TriageScreen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: every screen, for the role that uses it, in English and in 繁體中文, checked with axe-core (WCAG 2.0 and
 * 2.1 A and AA rules) inside headless Chromium: no critical or serious violation, and {@code <html lang>} follows the
 * chosen language. The per-screen counts are written to {@code target/axe-report.md}.
 */
@ExtendWith(CounterServer.class)
@Order(13)   // when it starts in a parallel run (issue 32): see CounterServer
@ResourceLock(CounterServer.SHARED)   // one class at a time on the shared server (its demo terminal)
class AccessibilityBrowserIT {


    URL base;

    private static Browser chromium;

    @BeforeAll
    static void browser() throws Exception {
        chromium = new Browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Each role's screens, as its menu offers them. */
    private static final Map<String, List<String>> SCREENS = new LinkedHashMap<>();

    static {
        SCREENS.put("clerk1/Clerk#2026", List.of("index.xhtml", "triage.xhtml", "token.xhtml", "subscribers.xhtml", "cases.xhtml",
                "capture.xhtml", "till.xhtml", "sale.xhtml"));
        SCREENS.put("officer1/Officer#2026", List.of("hkpca/vetting.xhtml", "subscribers.xhtml"));
        SCREENS.put("desk1/Desk#2026", List.of("hkpca/bank.xhtml"));
        SCREENS.put("admin/Admin#2026", List.of("admin/fees.xhtml", "supervisor/staff.xhtml", "supervisor/terminals.xhtml",
                "supervisor/officeday.xhtml", "supervisor/glance.xhtml"));
    }

    private void switchLanguage(boolean chinese) {
        String link = chinese ? TopBar.LANG_ZH : TopBar.LANG_EN;
        if (!chromium.driver.findElements(By.id(link)).isEmpty()) {
            chromium.driver.findElement(By.id(link)).click();
            chromium.waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> !d.findElements(By.id(chinese ? TopBar.LANG_EN : TopBar.LANG_ZH)).isEmpty());
        }
    }

    @Test
    void everyScreenInBothLanguagesHasNoCriticalOrSeriousViolation() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("| screen | language | critical+serious | rules |");
        report.add("|---|---|---|---|");
        List<String> failures = new ArrayList<>();
        // the pages anyone may open without logging in
        for (String open : List.of("login.xhtml", "verify.xhtml")) {
            chromium.driver.get(base + open);
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
            record(report, failures, open, "en", chromium.axe());
        }
        // a link under the pointer, as it stays after a click (the theme's hover blue is below 4.5:1 on white: axe found the
        // capture page's Refresh link so once a test had clicked it)
        chromium.driver.get(base + "login.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(LoginScreen.LANG_ZH)));
        new Actions(chromium.driver).moveToElement(chromium.driver.findElement(By.id(LoginScreen.LANG_ZH))).perform();
        record(report, failures, "login.xhtml, the pointer on a link", "en", chromium.axe());   // once nothing is in transition
        assertEquals("rgba(8, 48, 107, 1)", chromium.driver.findElement(By.id(LoginScreen.LANG_ZH)).getCssValue("color"),
                "a link under the pointer keeps a dark colour");
        for (Map.Entry<String, List<String>> role : SCREENS.entrySet()) {
            String[] login = role.getKey().split("/");
            chromium.switchUser(base.toString(), login[0], login[1]);
            for (boolean chinese : new boolean[] {false, true}) {
                for (String screen : role.getValue()) {
                    chromium.driver.get(base + screen);
                    chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TopBar.LOGOUT)));
                    switchLanguage(chinese);
                    String lang = chromium.driver.findElement(By.tagName("html")).getAttribute("lang");
                    assertEquals(chinese ? "zh-HK" : "en", lang, "<html lang> on " + screen);
                    record(report, failures, login[0] + " " + screen, chinese ? "zh-HK" : "en", chromium.axe());
                    if (login[0].equals("clerk1")) {
                        keyboardReady(screen, failures);
                    }
                }
                switchLanguage(false);
            }
        }
        // the states the counter's screens reach, in both languages: results listed, a result opened, a refusal shown,
        // a referral chosen, a bank's file open
        chromium.switchUser(base.toString(), "clerk1", "Clerk#2026");
        for (boolean chinese : new boolean[] {false, true}) {
            String lang = chinese ? "zh-HK" : "en";
            chromium.driver.get(base + "subscribers.xhtml");
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SubscribersScreen.VALUE)));
            switchLanguage(chinese);
            chromium.type(SubscribersScreen.VALUE, "SRN-P-000001");
            chromium.type(SubscribersScreen.REASON, "accessibility check");
            chromium.click(SubscribersScreen.LOOKUP);
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.SERIAL)));
            record(report, failures, "clerk1 subscribers.xhtml (certificate open)", lang, chromium.axe());

            chromium.driver.get(base + "cases.xhtml");
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(CaseScreen.OPEN_CASE)));
            chromium.click(CaseScreen.OPEN_CASE);
            chromium.waitUpTo(20).until(d -> !d.findElement(By.id(CaseScreen.MESSAGES)).getText().isBlank());
            record(report, failures, "clerk1 cases.xhtml (refusal shown)", lang, chromium.axe());

            chromium.driver.get(base + "triage.xhtml");
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TriageScreen.TYPE)));
            chromium.choose(TriageScreen.TYPE, "ORGANISATIONAL_ROLE");
            chromium.choose(TriageScreen.VARIANT, "HOSPITAL_AUTHORITY");
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TriageScreen.PRINT_SLIP)));
            record(report, failures, "clerk1 triage.xhtml (referral chosen)", lang, chromium.axe());
            switchLanguage(false);
        }
        // issue 19: a terminal's device history, opened on the supervisors' Terminals screen
        chromium.switchUser(base.toString(), "super1", "Super#2026");
        for (boolean chinese : new boolean[] {false, true}) {
            chromium.driver.get(base + "supervisor/terminals.xhtml");
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TerminalsScreen.LIST_0_HISTORY)));
            switchLanguage(chinese);
            chromium.click(TerminalsScreen.LIST_0_HISTORY);
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(TerminalsScreen.HISTORY_TITLE)));
            assertTrue(chromium.driver.findElement(By.id(TerminalsScreen.EVENTS)).isDisplayed(), "the device history table");
            record(report, failures, "super1 supervisor/terminals.xhtml (device history)", chinese ? "zh-HK" : "en", chromium.axe());
            switchLanguage(false);
        }
        // issue 33: the supervisor's home on the demo's first day, as super1 sees it (its text and a picture kept for the note)
        for (boolean chinese : new boolean[] {false, true}) {
            chromium.driver.get(base + "supervisor/glance.xhtml");
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(GlanceScreen.ACT_ON)));
            switchLanguage(chinese);
            chromium.waitUpTo(20).until(d -> d.findElements(By.cssSelector("[id='glance:tenderChart'] canvas")).size() == 1);
            record(report, failures, "super1 supervisor/glance.xhtml (the demo's first day)", chinese ? "zh-HK" : "en", chromium.axe());
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "glance-demo-first-day-" + (chinese ? "zh" : "en") + ".txt"),
                    chromium.driver.findElement(By.tagName("main")).getText());
            chromium.screenshot("glance-demo-first-day-" + (chinese ? "zh" : "en"));
            switchLanguage(false);
        }
        chromium.switchUser(base.toString(), "desk1", "Desk#2026");
        chromium.driver.get(base + "hkpca/bank.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(BankDeskScreen.SHOW)));
        String firstBank = (String) ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript(
                "var o = Array.from(document.getElementById('bank:bankCode_input').options).find(function (x) { return x.value; }); return o ? o.value : null;");
        chromium.choose(BankDeskScreen.BANK_CODE, firstBank);
        chromium.click(BankDeskScreen.SHOW);
        chromium.ajaxSettled();
        record(report, failures, "desk1 hkpca/bank.xhtml (a bank's file)", "en", chromium.axe());

        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "axe-report.md"), String.join("\n", report) + "\n");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * A counter screen by keyboard alone: once loaded the focus is on a field or button of the screen's own content
     * (not the header, not nowhere), and every shortcut is shown on its button as "(Alt+X)".
     */
    private static void keyboardReady(String screen, List<String> failures) {
        try {
            chromium.waitUpTo(10).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "var a = document.activeElement; return !!a && a !== document.body && !!a.closest('main');")));
        } catch (org.openqa.selenium.TimeoutException e) {
            failures.add(screen + ": the focus is not on the screen's content but on " + ((org.openqa.selenium.JavascriptExecutor) chromium.driver)
                    .executeScript("var a = document.activeElement; return a ? a.tagName + '#' + a.id : 'nothing';"));
        }
        @SuppressWarnings("unchecked")
        List<String> unshown = (List<String>) ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript(
                "return Array.from(document.querySelectorAll('main [accesskey]')).filter(function (e) {"
                        + " return e.textContent.indexOf('(Alt+' + e.getAttribute('accesskey').toUpperCase() + ')') < 0; })"
                        + ".map(function (e) { return e.id; });");
        if (!unshown.isEmpty()) {
            failures.add(screen + ": shortcuts not shown on " + unshown);
        }
    }

    private static void record(List<String> report, List<String> failures, String screen, String lang, List<Browser.AxeViolation> v) {
        report.add("| " + screen + " | " + lang + " | " + v.size() + " | "
                + String.join(", ", v.stream().map(x -> x.rule() + "×" + x.targets().size()).toList()) + " |");
        if (!v.isEmpty()) {
            failures.add(screen + " (" + lang + "): " + v);
        }
    }
}
