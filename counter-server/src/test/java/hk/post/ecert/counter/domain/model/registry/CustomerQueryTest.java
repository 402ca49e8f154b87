package hk.post.ecert.counter.domain.model.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: the one customer search knows which kind of key was typed. */
class CustomerQueryTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "srn-p-000001, SRN, SRN-P-000001",
            "A123456(3), HKID, A123456(3)",
            "a123456 3, HKID, A1234563",
            "AB987654(3), HKID, AB987654(3)",
            "12345678, BR, 12345678",
            "0x1f2e3d4c5b, SERIAL, 0X1F2E3D4C5B",
            "7d3a9c01ff, SERIAL, 7D3A9C01FF",
    })
    void theKindOfKeyIsKnownFromWhatWasTyped(String typed, CustomerQuery.Kind kind, String value) {
        CustomerQuery q = CustomerQuery.of(typed).orElseThrow();
        assertEquals(kind, q.kind());
        assertEquals(value, q.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "CHAN TAI MAN", "G12345", "#123"})
    void anythingElseIsNotAKey(String typed) {
        assertTrue(CustomerQuery.of(typed).isEmpty());
    }
}
