package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.LoginScreen;
import hk.post.ecert.counter.it.screens.TopBar;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Sleeper;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Debian's headless Chromium driven through Debian's chromedriver, with what the screens' tests need. */
final class Browser implements AutoCloseable {

    final WebDriver driver;

    /**
     * Whether the browser asks pages for reduced motion ({@code -Dbrowser.reducedMotion=false} keeps PrimeFaces'
     * animations, as on a PC without that setting).
     */
    static final boolean REDUCED_MOTION = !"false".equals(System.getProperty("browser.reducedMotion"));

    /** The clerk actions taken through this browser (a field typed, a click, a menu choice), for the counter-speed figures. */
    int actions;

    Browser() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=en-GB");
        if (REDUCED_MOTION) {
            // the clerk's system setting "reduce motion": PrimeFaces then shows and hides its panels and dialogs at once
            // (PrimeFaces.utils.disableAnimations) instead of fading them, and a test no longer waits on each fade
            options.addArguments("--force-prefers-reduced-motion");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
    }

    /**
     * A wait that looks at the page first after {@link #POLL}, then less and less often, up to every {@link #POLL_MAX}
     * (Selenium's own default is every 500 ms: a test of a few hundred steps, each waiting for an Ajax answer that takes
     * tens of milliseconds, spent most of its time asleep; at a steady 40 ms, a wait for a terminal's job of several
     * seconds sent Chromium a script every 40 ms, each one the browser process, chromedriver and the page's renderer
     * spend CPU on while the server beside them works on the job). An element
     * an Ajax update or a new page replaced while the wait read it is looked up again at the next look, not a failure:
     * Chromium says so either as a stale element or, when the page is being replaced at that moment, as "Node with given
     * id does not belong to the document" (seen once in a suite run, on RenewalCaseBrowserIT's CSR upload). A wait for
     * the old page itself to go asks {@link #replaced}.
     */
    WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new PageWait(driver, Duration.ofSeconds(seconds));
        wait.pollingEvery(POLL);   // the first look's delay; PageWait's sleeper doubles it after each look
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The page this element belonged to has been replaced: the element is stale, or Chromium says it "does not belong to
     * the document" — for this question that answer means gone (the browser may keep the old document for a while), where
     * for any other condition {@link #waitUpTo} takes it as "not yet".
     */
    static ExpectedCondition<Boolean> replaced(WebElement old) {
        return new ExpectedCondition<>() {
            @Override
            public Boolean apply(WebDriver d) {
                try {
                    old.isEnabled();
                    return false;
                } catch (StaleElementReferenceException stale) {
                    return true;
                } catch (WebDriverException e) {
                    if (notInTheDocument(e)) {
                        return true;
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return "the page of " + old + " to be replaced";
            }
        };
    }

    private static boolean notInTheDocument(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** A wait whose condition, when it reads a node of a page being replaced, is asked again at the next look. */
    private static final class PageWait extends WebDriverWait {

        private final BackingOff sleeper;

        PageWait(WebDriver driver, Duration timeout) {
            this(driver, timeout, new BackingOff());
        }

        private PageWait(WebDriver driver, Duration timeout, BackingOff sleeper) {
            super(driver, timeout, POLL, Clock.systemDefaultZone(), sleeper);
            this.sleeper = sleeper;
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> condition) {
            sleeper.restart();
            return super.until(new Function<WebDriver, V>() {
                @Override
                public V apply(WebDriver d) {
                    try {
                        return condition.apply(d);
                    } catch (StaleElementReferenceException stale) {
                        throw stale;   // ignored by the wait itself (and reported as such at its end)
                    } catch (WebDriverException e) {
                        if (notInTheDocument(e)) {
                            return null;   // not yet: the next look finds the new page's node, or the old one stale
                        }
                        throw e;
                    }
                }

                @Override
                public String toString() {
                    return condition.toString();   // the timeout's message names what was awaited
                }
            });
        }
    }

    /**
     * A wait's sleeps between looks: the first as long as the wait's interval, each next one twice the one before, up to
     * {@link #POLL_MAX}. An Ajax answer of tens of milliseconds is still seen within about that time, and a wait of seconds
     * looks a few times a second rather than 25 times.
     */
    private static final class BackingOff implements Sleeper {
        private Duration next;

        void restart() {
            next = null;
        }

        @Override
        public void sleep(Duration interval) throws InterruptedException {
            Duration now = next == null ? interval : next;
            next = now.multipliedBy(2).compareTo(POLL_MAX) > 0 ? POLL_MAX : now.multipliedBy(2);
            Sleeper.SYSTEM_SLEEPER.sleep(now);
        }
    }

    /** A wait's first look again ({@code -Dbrowser.pollMs}; 40 ms unless told; Selenium's own is 500 ms). */
    static final Duration POLL = Duration.ofMillis(Long.getLong("browser.pollMs", 40));

    /** The longest sleep between a wait's looks ({@code -Dbrowser.pollMaxMs}; 160 ms unless told). */
    static final Duration POLL_MAX = Duration.ofMillis(Math.max(Long.getLong("browser.pollMaxMs", 160), POLL.toMillis()));

    void login(String base, String user, String password) {
        driver.get(base + "index.xhtml");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(LoginScreen.J_USERNAME)));
        driver.findElement(By.id(LoginScreen.J_USERNAME)).sendKeys(user);
        driver.findElement(By.id(LoginScreen.J_PASSWORD)).sendKeys(password);
        driver.findElement(By.id(LoginScreen.LOGIN_BUTTON)).click();
        // the page is replaced under the wait: a node the inspector no longer knows is "not yet", not a failure
        waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    }

    /** Logs out whoever is logged in (if anyone) and logs {@code user} in. */
    void switchUser(String base, String user, String password) {
        if (driver.findElements(By.id(TopBar.LOGOUT)).isEmpty()) {
            // not on one of the counter's pages (another site, a file, a refusal): the home page has the logout
            driver.get(base + "index.xhtml");
            waitUpTo(20).until(d -> !d.findElements(By.id(TopBar.LOGOUT)).isEmpty() || !d.findElements(By.id(LoginScreen.J_USERNAME)).isEmpty());
        }
        if (!driver.findElements(By.id(TopBar.LOGOUT)).isEmpty()) {
            driver.findElement(By.id(TopBar.LOGOUT)).click();
            // the logout's own navigation ends on the login form before the next page is asked for
            waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> !d.findElements(By.id(LoginScreen.J_USERNAME)).isEmpty());
        }
        login(base, user, password);
    }

    void ajaxSettled() {
        waitUpTo(20).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"));
    }

    /**
     * Waits until the poll with this client id has stopped (the page renders it only while a job runs) and nothing is
     * in flight: what the page shows then stays put while the test works on it.
     */
    void pollStopped(String pollId) {
        waitUpTo(20).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "if (!window.PrimeFaces) { return true; }"
                        + " var active = Object.values(PrimeFaces.widgets).some(w => w && w.id === arguments[0] && w.active);"
                        + " return !active && PrimeFaces.ajax.Queue.isEmpty();", pollId));
    }

    /**
     * Whether the poll with this client id polls now or will start by itself (its {@code autoStart}): a poll that
     * re-renders a form while the clerk types there empties what was typed and takes the focus.
     */
    boolean pollLive(String pollId) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "if (!window.PrimeFaces) { return false; }"
                        + " return Object.values(PrimeFaces.widgets).some(w => w && w.id === arguments[0] && (w.active || w.cfg.autoStart));",
                pollId);
    }

    /**
     * Opens a PrimeFaces select menu and clicks the item with this value, as a clerk would. The item is clicked only
     * once the panel has finished opening (jQuery reports no animation on it): a click on an item that is still
     * sliding in is lost on current Chromium. If the menu still shows another value, the clerk looks and chooses
     * again (at most three times).
     */
    void choose(String menuId, String value) {
        actions++;
        trace("choose " + menuId);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String label = null;
        for (int attempt = 1; ; attempt++) {
            waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(menuId)));
            if (label == null) {
                label = (String) js.executeScript(
                        "var o = document.getElementById(arguments[0] + '_input').querySelector('option[value=\"' + arguments[1] + '\"]');"
                                + " return o ? o.textContent : null;", menuId, value);
                if (label == null) {
                    throw new AssertionError("menu " + menuId + " has no item " + value);
                }
            }
            if (!Boolean.TRUE.equals(js.executeScript(PANEL_OPEN, menuId))) {
                driver.findElement(By.id(menuId)).click();
            }
            waitUpTo(20).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(PANEL_OPEN, menuId)));
            waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[@id='" + menuId + "_panel']//li[@data-label=" + xpathLiteral(label) + "]"))).click();
            ajaxSettled();
            // The panel fades out: wait until it no longer covers the next field. Now and then (an ajax update of the
            // form while it fades) it stays open: close it as a clerk would, with Escape.
            // A panel that is still shown once nothing animates it and no request is in flight will not close by itself
            // (it was seen to wait out a 10-second timeout here each time a form update re-rendered it): close it then.
            waitUpTo(10).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(PANEL_SETTLED, menuId)));
            if (Boolean.TRUE.equals(js.executeScript(PANEL_SHOWN, menuId))) {
                driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
                js.executeScript("var p = document.getElementById(arguments[0] + '_panel'); if (p) { p.style.display = 'none'; }", menuId);
                ajaxSettled();
            }
            String chosen = (String) js.executeScript(
                    "var s = document.getElementById(arguments[0] + '_input'); return s ? s.value : null;", menuId);
            if (value.equals(chosen)) {
                checkThisState();
                return;
            }
            if (attempt >= 3) {
                throw new AssertionError("menu " + menuId + " shows " + chosen + ", not " + value);
            }
        }
    }

    /** A label as an XPath string literal, whichever quotes it holds ("Multi-domain" is labelled with double quotes). */
    static String xpathLiteral(String s) {
        if (!s.contains("\"")) {
            return "\"" + s + "\"";
        }
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat(\"" + s.replace("\"", "\", '\"', \"") + "\")";
    }

    /** Whether a select menu's panel is shown. */
    private static final String PANEL_SHOWN = "var p = document.getElementById(arguments[0] + '_panel');"
            + " return !!p && p.isConnected && getComputedStyle(p).display !== 'none' && getComputedStyle(p).visibility !== 'hidden';";

    /** Whether a select menu's panel has stopped changing: hidden, or shown with no animation and no request in flight. */
    private static final String PANEL_SETTLED = "var p = document.getElementById(arguments[0] + '_panel');"
            + " if (!p || getComputedStyle(p).display === 'none' || getComputedStyle(p).visibility === 'hidden') { return true; }"
            + " return !(window.jQuery && jQuery(p).is(':animated')) && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());";

    /** Whether a select menu's panel is shown and done opening. */
    private static final String PANEL_OPEN = "var p = document.getElementById(arguments[0] + '_panel');"
            + " return !!p && getComputedStyle(p).display !== 'none' && getComputedStyle(p).visibility !== 'hidden'"
            + " && !(window.jQuery && jQuery(p).is(':animated'));";

    /** The visible text of the element with this id. */
    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Replaces what an input holds with {@code value}, as typed. */
    void type(String id, String value) {
        actions++;
        org.openqa.selenium.WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** Follows a menu link (one clerk action) and waits for the page. */
    void nav(String id) {
        actions++;
        trace("nav " + id);
        timed(() -> {
            driver.findElement(By.id(id)).click();
            ajaxSettled();
        });
        checkThisState();
    }

    /** Clicks once the element can be clicked, and waits for the page's Ajax to settle. */
    void click(String id) {
        actions++;
        trace("click " + id);
        timed(() -> {
            waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
            ajaxSettled();
        });
        checkThisState();
    }

    /**
     * Every state the browser tests reach is checked with axe (issue 16): after each click, link and menu choice, the
     * page's state — its path, language, the ids of what is shown, its messages and dialogs — is checked once per test
     * run (the same state reached again is not checked again), and a critical or serious violation fails the test there.
     * Only the counter's own pages are checked (not a file, an API answer or the container's error page).
     * {@code -Daxe.everyState=false} turns it off.
     */
    void checkThisState() {
        if (!EVERY_STATE) {
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String state;
        try {
            ajaxSettled();
            state = (String) js.executeScript(STATE_SIGNATURE);
        } catch (org.openqa.selenium.WebDriverException notAPage) {
            return;   // an alert, a download, a page going away: nothing of ours to check
        }
        if (state == null || !STATES_CHECKED.add(state)) {
            return;
        }
        String where = (String) js.executeScript("return location.pathname + ' (' + document.documentElement.lang + ')'"
                + " + (document.querySelector('.ui-dialog[aria-hidden=false], .ui-confirm-dialog:not([aria-hidden=true])') ? ' dialog open' : '')"
                + " + (document.querySelector('.ui-messages-error, .ui-messages-warn') ? ' message shown' : '');");
        statesChecked.incrementAndGet();
        long axeStart = System.nanoTime();
        List<AxeViolation> v = axe();
        axeNanos.addAndGet(System.nanoTime() - axeStart);
        trace("axe " + where + " took " + (System.nanoTime() - axeStart) / 1_000_000 + " ms");
        STATE_REPORT.add("| " + where + " | " + v.size() + " |");
        if (!v.isEmpty()) {
            throw new AssertionError("axe-core finds " + v.size() + " critical/serious violation(s) on " + where + ":\n  "
                    + String.join("\n  ", v.stream().map(AxeViolation::toString).toList()));
        }
    }

    /** With {@code -Dbrowser.trace=true}, each step and the time since the one before (to find where a test's time goes). */
    private static final boolean TRACE = Boolean.getBoolean("browser.trace");
    private static final ThreadLocal<long[]> LAST_TRACE = ThreadLocal.withInitial(() -> new long[] {System.nanoTime()});   // per test class (they run two at a time)

    static void trace(String what) {
        if (TRACE) {
            long now = System.nanoTime();
            long[] last = LAST_TRACE.get();
            System.out.printf("TRACE [%s] +%d ms before %s%n", Thread.currentThread().getName(), (now - last[0]) / 1_000_000, what);
            last[0] = now;
        }
    }

    private static final boolean EVERY_STATE = !"false".equals(System.getProperty("axe.everyState"));

    /** The states already checked in this test run (all browsers of the run). */
    private static final Set<String> STATES_CHECKED = ConcurrentHashMap.newKeySet();

    /** How many states the browsers of this run checked, and each with its critical and serious count (for the figures). */
    static final AtomicInteger statesChecked = new AtomicInteger();

    /** The time the browsers of this run spent in those checks (for the suite's figures, issue 32). */
    static final AtomicLong axeNanos = new AtomicLong();
    private static final List<String> STATE_REPORT = Collections.synchronizedList(new ArrayList<>());

    /**
     * A page state, or null when the page is not one of the counter's: the path, the language, the ids of the visible
     * elements of the content (a repeat's index ignored), and the kinds of message shown.
     */
    private static final String STATE_SIGNATURE = "if (document.contentType !== 'text/html' || !(document.querySelector('main') || document.getElementById('j_username'))) { return null; }"
            + " var shown = function (e) { return e.offsetParent !== null || getComputedStyle(e).position === 'fixed'; };"
            + " var ids = Array.from(document.querySelectorAll('main [id], body > .ui-dialog[id], body > div[id]')).filter(shown)"
            + "   .map(function (e) { return e.id.replace(/[0-9A-Fa-f]{6,}|[0-9]+/g, '#'); });"
            + " ids = Array.from(new Set(ids)).sort();"
            + " var msgs = Array.from(document.querySelectorAll('.ui-messages > div')).map(function (e) { return e.className; }).sort();"
            + " return location.pathname + '|' + document.documentElement.lang + '|' + ids.join(',') + '|' + msgs.join(',');";

    /** While on, the server time of each action's request is kept in {@link #serverMillis} (issue 16's p95). */
    boolean timing;

    /** The server times (ms) of the timed actions that sent a request. */
    final List<Long> serverMillis = new ArrayList<>();

    /**
     * Runs one action and, while timing is on, reads its server time from the browser's Resource Timing: from the
     * request sent to the first byte of the answer, for the Ajax requests the action sent (or, when it loaded a new
     * page, that page's own request). An action that sends nothing (typing into a field) has none.
     */
    void timed(Runnable action) {
        if (!timing) {
            action.run();
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("performance.setResourceTimingBufferSize(100000)");
        Number origin = (Number) js.executeScript("return performance.timeOrigin");
        Number start = (Number) js.executeScript("return performance.now()");
        action.run();
        Number server = (Number) js.executeScript(
                "var o = arguments[0], s = arguments[1];"
                        + " if (performance.timeOrigin !== o) { var n = performance.getEntriesByType('navigation')[0];"
                        + "   return n ? n.responseStart - n.requestStart : -1; }"
                        + " var mine = performance.getEntriesByType('resource').filter(function (e) {"
                        + "   return (e.initiatorType === 'xmlhttprequest' || e.initiatorType === 'fetch') && e.startTime >= s && e.startTime < s + 250; });"
                        + " return mine.length === 0 ? -1 : mine.map(function (e) { return e.responseStart - e.requestStart; })"
                        + "   .reduce(function (a, b) { return a + b; }, 0);", origin, start);
        if (server != null && server.doubleValue() >= 0) {
            serverMillis.add(Math.round(server.doubleValue()));
        }
    }

    /** The 95th percentile of the timed actions' server times (0 when none was timed). */
    long serverP95() {
        List<Long> sorted = serverMillis.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }

    /** One axe-core finding: the rule, its impact, and the elements it names. */
    record AxeViolation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    private static String axeSource;

    /**
     * Runs axe-core (from the Deque jar on the test class path) on the page as it is now, with the WCAG 2.0 and 2.1
     * A and AA rules, and answers the critical and serious violations.
     */
    List<AxeViolation> axe() {
        List<AxeViolation> first = axeOnce();
        if (first.isEmpty()) {
            return first;
        }
        // A finding is checked once more on the page as it then is, and only what is still there is answered: a contrast
        // check once read a button just clicked ("Device history") while its colours were still changing, and a clerk
        // never sees such an in-between state for long. A real violation is found again; what is found is printed.
        List<AxeViolation> again = axeOnce();
        if (again.isEmpty()) {
            System.out.println("axe: a finding gone on a second look (a state in passing): " + first);
        }
        return again;
    }

    @SuppressWarnings("unchecked")
    private List<AxeViolation> axeOnce() {
        ajaxSettled();
        // nothing fading in or out, no colour in transition: a colour read mid-animation is not the colour the clerk sees
        // (a button just clicked was seen failing the contrast check halfway through its hover transition)
        waitUpTo(10).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !(window.jQuery && jQuery(':animated').length) && document.getAnimations()"
                        + ".filter(function (a) { return a.playState === 'running' && a.effect && a.effect.getTiming().iterations !== Infinity; }).length === 0;")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe"))) {
            if (axeSource == null) {
                try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                    if (in == null) {
                        throw new IllegalStateException("axe.min.js is not on the test class path");
                    }
                    axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            js.executeScript(axeSource);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object raw = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'critical' || v.impact === 'serious'; })"
                        + ".map(function (v) { return {rule: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(function (n) { return n.target.join(' ') + ' ' + (n.html || '').slice(0, 160)"
                        // what axe measured (for a contrast finding: the ratio and both colours), so a rare state says why
                        + " + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240); })}; })); })"
                        + ".catch(function (e) { done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]); });");
        List<AxeViolation> out = new ArrayList<>();
        for (Object o : (List<Object>) raw) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(new AxeViolation((String) m.get("rule"), (String) m.get("impact"), (String) m.get("help"),
                    (List<String>) m.get("targets")));
        }
        return out;
    }

    /** Fails with every critical or serious axe-core violation on the page as it is now. */
    void assertAccessible(String where) {
        List<AxeViolation> v = axe();
        if (!v.isEmpty()) {
            throw new AssertionError("axe-core finds " + v.size() + " critical/serious violation(s) on " + where + ":\n  "
                    + String.join("\n  ", v.stream().map(AxeViolation::toString).toList()));
        }
    }

    private static String report() {
        synchronized (STATE_REPORT) {   // another class's browser may be adding to it
            return String.join("\n", STATE_REPORT);
        }
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        if (EVERY_STATE) {
            try {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "axe-states.md"), "| state (path, language, dialog, message) | critical+serious |\n|---|---|\n"
                        + report() + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            System.out.printf("axe: %d page states checked in this run so far in %.1f s (target/axe-states.md)%n", statesChecked.get(), axeNanos.get() / 1e9);
        }
    }
}
