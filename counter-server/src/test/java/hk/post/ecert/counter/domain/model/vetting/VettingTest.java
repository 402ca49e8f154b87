package hk.post.ecert.counter.domain.model.vetting;

import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One vetting lifecycle for renewal cases and Bank-Cert applications (issue 15). */
class VettingTest {

    private static final List<Vetting.Handler> HANDLERS = List.of(
            new Vetting.Handler("clerk1", "The clerk who opened the case cannot vet it.", "開立個案的職員不可審核該個案。"),
            new Vetting.Handler("clerk2", "You handled this case at the counter: another officer vets it.", "你曾在櫃位處理此個案：須由另一位人員審核。"));

    @Test
    void noOneWhoHandledTheCaseVetsIt() {
        CaseRefusal r = assertThrows(CaseRefusal.class, () -> Vetting.decide(Vetting.Decision.APPROVE, "clerk2", "", HANDLERS));
        assertTrue(r.getMessage().contains("another officer"), r.getMessage());
        assertThrows(CaseRefusal.class, () -> Vetting.checkOfficer("clerk1", HANDLERS));
    }

    @Test
    void anApprovalByAnotherOfficerIsRecordedWithItsNote() {
        Vetting.Outcome o = Vetting.decide(Vetting.Decision.APPROVE, "officer1", "  all in order ", HANDLERS);
        assertEquals(new Vetting.Outcome(Vetting.Decision.APPROVE, "officer1", "all in order"), o);
        assertEquals("", Vetting.decide(Vetting.Decision.APPROVE, "officer1", null, HANDLERS).note());
    }

    @Test
    void aRejectionGivesItsReasonsAndARequestForDocumentsSaysWhich() {
        assertThrows(CaseRefusal.class, () -> Vetting.decide(Vetting.Decision.REJECT, "officer1", " ", HANDLERS));
        assertThrows(CaseRefusal.class, () -> Vetting.decide(Vetting.Decision.MORE_DOCUMENTS, "officer1", null, HANDLERS));
        assertEquals("BR copy expired", Vetting.decide(Vetting.Decision.MORE_DOCUMENTS, "officer1", "BR copy expired", HANDLERS).note());
    }
}
