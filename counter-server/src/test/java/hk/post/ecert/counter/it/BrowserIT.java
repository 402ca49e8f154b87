package hk.post.ecert.counter.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

import java.net.URL;

/**
 * The skeleton every browser test shares (issue 32): the counter's WAR on Payara Micro ({@link CounterServer}: shared by the classes that can share it), its address, and
 * one headless Chromium for the class, closed after it. A test class extends this and writes only its own steps.
 */
@ExtendWith(CounterServer.class)
abstract class BrowserIT {


    URL base;

    static Browser chromium;
    static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        chromium = new Browser();
        browser = chromium.driver;
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
