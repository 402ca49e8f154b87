package hk.post.ecert.counter.domain.model.capture;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture checklist's rules, without a database (issue 15). */
class CaptureChecklistTest {

    private static CaptureCase openCase() {
        return new CaptureCase("RC-1", "PERSONAL", "PERSONAL", List.of("CPOS_798A"), List.of(2),
                CaptureCase.documentsToScan(List.of("FORM", "HKID_ORIGINAL_SEEN", "HKID_COPY", "ADDRESS_PROOF_IF_CHANGED")),
                Map.of(), null, null);
    }

    private static CaptureCase.Page form(int page) {
        return new CaptureCase.Page("J-P" + page, "J", page, 300, "h", "CPOS_798A", page, null, "ACTIVE", "");
    }

    private static CaptureCase.Page labelled(String doc) {
        return new CaptureCase.Page("J-L" + doc, "J", 9, 300, "h", null, null, doc, "ACTIVE", "");
    }

    @Test
    void theFormAndTheHkidCardSeenAreNeverScanned() {
        assertEquals(List.of("HKID_COPY", "ADDRESS_PROOF_IF_CHANGED"), openCase().documents());
    }

    @Test
    void everyFormPageAndEveryRequiredDocumentIsOnTheChecklistAndADocumentNeededOnlyIfChangedIsOptional() {
        List<CaptureCase.ChecklistItem> items = openCase().checklist(List.of(form(1)));
        assertEquals(List.of("CPOS_798A p.1", "CPOS_798A p.2", "HKID_COPY", "ADDRESS_PROOF_IF_CHANGED"),
                items.stream().map(CaptureCase.ChecklistItem::key).toList());
        assertTrue(items.get(0).done());
        assertFalse(items.get(1).done());
        assertTrue(items.get(2).required());
        assertFalse(items.get(3).required());
    }

    @Test
    void aCaseIsSubmittedOnlyWhenEverythingRequiredIsCaptured() {
        CaptureRefusal r = assertThrows(CaptureRefusal.class, () -> openCase().requireComplete(List.of(form(1), labelled("HKID_COPY"))));
        assertTrue(r.getMessage().contains("CPOS_798A p.2"), r.getMessage());
        assertDoesNotThrow(() -> openCase().requireComplete(List.of(form(1), form(2), labelled("HKID_COPY"))));
    }

    @Test
    void nothingOfASubmittedCaseChanges() {
        CaptureCase k = openCase();
        CaptureCase submitted = new CaptureCase(k.caseRef(), k.typeCode(), k.variantCode(), k.forms(), k.formPages(),
                k.documents(), k.formValues(), Instant.EPOCH, "clerk1");
        assertThrows(CaptureRefusal.class, submitted::requireOpen);
        assertThrows(CaptureRefusal.class, () -> submitted.requireLabel("HKID_COPY"));
        assertThrows(CaptureRefusal.class, () -> submitted.requireComplete(List.of()));
    }

    @Test
    void aPageIsLabelledOnlyAsOneOfTheCasesDocuments() {
        assertThrows(CaptureRefusal.class, () -> openCase().requireLabel("BR_CERTIFICATE"));
        assertDoesNotThrow(() -> openCase().requireLabel("HKID_COPY"));
        assertDoesNotThrow(() -> openCase().requireLabel(""), "a blank label clears it");
        assertThrows(CaptureRefusal.class, () -> openCase().requireForm("CPOS_798B"));
    }

    @Test
    void aCaseReferenceIsKeptUpperCaseAndChecked() {
        assertEquals("RC-2026-001", CaptureCase.normalise(" rc-2026-001 "));
        assertThrows(CaptureRefusal.class, () -> CaptureCase.normalise("x"));
        assertThrows(CaptureRefusal.class, () -> CaptureCase.normalise("RC 1; DROP"));
    }
}
