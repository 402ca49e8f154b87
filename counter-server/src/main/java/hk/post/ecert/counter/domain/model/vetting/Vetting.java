package hk.post.ecert.counter.domain.model.vetting;

import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;

import java.util.List;

/**
 * HKPCA's vetting, one lifecycle for renewal cases and Bank-Cert applications alike: a case sent for vetting is
 * approved (and then issued), rejected with reasons, or sent back for more documents — always by an officer who did
 * not handle it before (opened it, checked the identity, took the fee, sent it, received it).
 */
public final class Vetting {

    /** What the vetting officer decides. */
    public enum Decision { APPROVE, REJECT, MORE_DOCUMENTS }

    /** Someone who handled the case before vetting, and what they are told if they try to vet it. */
    public record Handler(String who, String en, String zh) {
    }

    /** The decision as recorded: by whom, and the note (the reasons, or the documents asked for). */
    public record Outcome(Decision decision, String officer, String note) {
    }

    private Vetting() {
    }

    /** The officer may vet: none of the case's handlers. */
    public static void checkOfficer(String officer, List<Handler> handlers) {
        for (Handler h : handlers) {
            if (officer.equals(h.who())) {
                throw new CaseRefusal(h.en(), h.zh());
            }
        }
    }

    /** A decision by an officer who may vet; a rejection gives its reasons, a request for documents says which. */
    public static Outcome decide(Decision decision, String officer, String note, List<Handler> handlers) {
        checkOfficer(officer, handlers);
        boolean blank = note == null || note.isBlank();
        if (decision == Decision.REJECT && blank) {
            throw new CaseRefusal("Give the reasons for the rejection.", "請列明拒絕的原因。");
        }
        if (decision == Decision.MORE_DOCUMENTS && blank) {
            throw new CaseRefusal("Say which documents are needed.", "請列明所需文件。");
        }
        return new Outcome(decision, officer, blank ? "" : note.trim());
    }
}
