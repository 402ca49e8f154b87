package hk.post.ecert.counter.domain.model;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 31, finding 5: free text never carries a printer command, and has a length. */
class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"typo\u001bp\u0000\u0019\u00fa", "x\u001bE\u0001TOTAL REFUNDED HK$9999.00", "\u001dV\u0042", "\u009b31m", "del\u007f"})
    void controlCharactersAreRefusedInBothLanguages(String text) {
        FreeText.Refused r = assertThrows(FreeText.Refused.class, () -> FreeText.check(new Bilingual("reason", "原因"), text, FreeText.REASON));
        assertTrue(r.bilingual().en().contains("control characters") && r.bilingual().zh().contains("控制字元"), r.bilingual().toString());
    }

    @Test
    void ordinaryTextInBothLanguagesPassesAndALongOneIsRefused() {
        assertEquals("Customer changed mind 客戶改變主意", FreeText.check(new Bilingual("reason", "原因"), "Customer changed mind 客戶改變主意", FreeText.REASON));
        assertThrows(FreeText.Refused.class, () -> FreeText.check(new Bilingual("name", "姓名"), "A".repeat(121), FreeText.NAME));
    }

    @Test
    void aChequeWhoseBankCarriesACommandIsRefusedBeforeAnythingIsRecorded() {
        Tender t = Tender.paper(TenderKind.CHEQUE, Money.ofCents(4800), "HSBC\u001bp\u0000", "123456", LocalDate.of(2026, 12, 6), Tender.PAYEE);
        assertThrows(FreeText.Refused.class, () -> t.check(LocalDate.of(2026, 12, 6)));
    }
}
