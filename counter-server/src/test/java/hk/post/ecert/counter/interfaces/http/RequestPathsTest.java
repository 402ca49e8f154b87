package hk.post.ecert.counter.interfaces.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 31, findings 4 and 8: where the login may send the browser back to, and which paths are plain. */
class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/phish", "/\\evil.example", "http://evil.example/", "https:evil.example", "/%2F%2Fevil.example",
            "/./../login.xhtml", "/kiosk/../admin/fees.xhtml", "/x;jsessionid=1", "/%2e%2e/metrics", "javascript:alert(1)", "", "/a\r\nLocation: x"})
    void aTargetThatIsNotAPathOfThisApplicationIsDropped(String saved) {
        assertEquals(Optional.empty(), RequestPaths.sameApplication("", saved), saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sale.xhtml", "/cases.xhtml?ref=RC-GPO-20261206-0001", "/supervisor/officeday.xhtml"})
    void aPathOfThisApplicationIsKept(String saved) {
        assertEquals(Optional.of(saved), RequestPaths.sameApplication("", saved));
        assertEquals(Optional.of("/counter" + saved), RequestPaths.sameApplication("/counter", "/counter" + saved));
        assertEquals(Optional.empty(), RequestPaths.sameApplication("/counter", saved), "another context's path is not ours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/kiosk/./../login.xhtml", "/kiosk/../verify.xhtml", "/kiosk/%2e%2e/bootstrap.xhtml", "/kiosk/.%2E/metrics",
            "/kiosk//index.xhtml", "/kiosk/index.xhtml;x=1", "/kiosk\\..\\login.xhtml", "/kiosk/%252e%252e/x"})
    void aPathThatCouldMeanAnotherIsNotPlain(String raw) {
        assertFalse(RequestPaths.plain(raw), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/kiosk/index.xhtml", "/jakarta.faces.resource/theme.css.xhtml", "/api/ocsp/MAMCAQA="})
    void aPlainPathIsPlain(String raw) {
        assertTrue(RequestPaths.plain(raw), raw);
    }
}
