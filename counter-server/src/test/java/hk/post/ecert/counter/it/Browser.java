package hk.post.ecert.counter.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Debian's headless Chromium driven through Debian's chromedriver, with what the screens' tests need. */
final class Browser implements AutoCloseable {

    final WebDriver driver;

    Browser() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void login(String base, String user, String password) {
        driver.get(base + "index.xhtml");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("loginButton")).click();
        // the page is replaced under the wait: a node the inspector no longer knows is "not yet", not a failure
        waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    }

    /** Logs out whoever is logged in (if anyone) and logs {@code user} in. */
    void switchUser(String base, String user, String password) {
        if (driver.findElements(By.id("top:logout")).isEmpty()) {
            // not on one of the counter's pages (another site, a file, a refusal): the home page has the logout
            driver.get(base + "index.xhtml");
            waitUpTo(20).until(d -> !d.findElements(By.id("top:logout")).isEmpty() || !d.findElements(By.id("j_username")).isEmpty());
        }
        if (!driver.findElements(By.id("top:logout")).isEmpty()) {
            driver.findElement(By.id("top:logout")).click();
            // the logout's own navigation ends on the login form before the next page is asked for
            waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> !d.findElements(By.id("j_username")).isEmpty());
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
     * Opens a PrimeFaces select menu and clicks the item with this value, as a clerk would. The item is clicked only
     * once the panel has finished opening (jQuery reports no animation on it): a click on an item that is still
     * sliding in is lost on current Chromium. If the menu still shows another value, the clerk looks and chooses
     * again (at most three times).
     */
    void choose(String menuId, String value) {
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
                    "//*[@id='" + menuId + "_panel']//li[@data-label=\"" + label + "\"]"))).click();
            ajaxSettled();
            // The panel fades out: wait until it no longer covers the next field. Now and then (an ajax update of the
            // form while it fades) it stays open: close it as a clerk would, with Escape.
            try {
                waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
            } catch (org.openqa.selenium.TimeoutException stillOpen) {
                driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
                js.executeScript("var p = document.getElementById(arguments[0] + '_panel'); if (p) { p.style.display = 'none'; }", menuId);
                ajaxSettled();
            }
            String chosen = (String) js.executeScript(
                    "var s = document.getElementById(arguments[0] + '_input'); return s ? s.value : null;", menuId);
            if (value.equals(chosen)) {
                return;
            }
            if (attempt >= 3) {
                throw new AssertionError("menu " + menuId + " shows " + chosen + ", not " + value);
            }
        }
    }

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
        org.openqa.selenium.WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** Clicks once the element can be clicked, and waits for the page's Ajax to settle. */
    void click(String id) {
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        ajaxSettled();
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
    }
}
