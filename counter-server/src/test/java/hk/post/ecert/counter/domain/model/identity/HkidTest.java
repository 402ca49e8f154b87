package hk.post.ecert.counter.domain.model.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule 8: the HKID check digit is validated and the number is masked wherever it is not needed. */
class HkidTest {

    @ParameterizedTest(name = "{0} is valid, masked {1}")
    @CsvSource({
            "A123456(3), A123***(*), A123456(3)",
            "a123456 3, A123***(*), A123456(3)",
            "G123456(A), G123***(*), G123456(A)",
            "AB987654(3), AB987***(*), AB987654(3)",
            "C6688991, C668***(*), C668899(1)",
    })
    void validNumbersAreAcceptedAndMasked(String typed, String masked, String full) {
        Hkid h = Hkid.parse(typed);
        assertEquals(masked, h.masked());
        assertEquals(masked, h.toString(), "toString never shows the whole number");
        assertEquals(full, h.full());
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"A123456(7)", "A123456(4)", "G123456(0)", "AB987654(4)"})
    void aWrongCheckDigitIsRefusedWithAReason(String typed) {
        InvalidHkidException e = assertThrows(InvalidHkidException.class, () -> Hkid.parse(typed));
        assertTrue(e.getMessage().contains("check digit"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is not an HKID")
    @ValueSource(strings = {"", "123456(7)", "A12345(6)", "ABC123456(7)", "A1234567(8)"})
    void malformedNumbersAreRefused(String typed) {
        assertThrows(InvalidHkidException.class, () -> Hkid.parse(typed));
    }
}
