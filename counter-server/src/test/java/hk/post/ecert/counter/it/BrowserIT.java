package hk.post.ecert.counter.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

import java.net.URL;

/**
 * The skeleton every browser test shares (issue 32): the counter's WAR on Payara Micro by Arquillian, its address, and
 * one headless Chromium for the class, closed after it. A test class extends this and writes only its own steps.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.counterWar();
    }

    @ArquillianResource
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
