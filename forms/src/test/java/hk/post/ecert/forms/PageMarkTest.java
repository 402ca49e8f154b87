package hk.post.ecert.forms;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageMarkTest {

    @Test
    void aPageMarkReadsBackToTheSameCaseFormAndPage() {
        PageMark mark = new PageMark("RC-2026-000123", FormId.CPOS_798AMR_S, 2);
        String text = mark.encode();
        assertTrue(text.startsWith("ECERT1|RC-2026-000123|CPos 798AMR-S|2|"), text);
        assertEquals(Optional.of(mark), PageMark.parse(text));
    }

    @Test
    void aMisreadOrEditedMarkIsNotAttachedToAnyCase() {
        String text = new PageMark("RC-2026-000123", FormId.CPOS_798A, 1).encode();
        assertEquals(Optional.empty(), PageMark.parse(text.replace("000123", "000124")), "another case, same check");
        assertEquals(Optional.empty(), PageMark.parse(text.replace("|1|", "|2|")));
        assertEquals(Optional.empty(), PageMark.parse("https://www.ecert.gov.hk/"));
        assertEquals(Optional.empty(), PageMark.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new PageMark("rc 1", FormId.CPOS_798A, 1));
        assertThrows(IllegalArgumentException.class, () -> new PageMark("RC-1234", FormId.CPOS_798A, 0));
    }

    @Test
    void everyFormOfTheFamilyIsKnownByItsNumber() {
        assertEquals(8, FormId.values().length);
        for (FormId f : FormId.values()) {
            assertEquals(f, FormId.byNumber(f.number()));
            assertTrue(!f.titleZh().isBlank());
        }
    }
}
