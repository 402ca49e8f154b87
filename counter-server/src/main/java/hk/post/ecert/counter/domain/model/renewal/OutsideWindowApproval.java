package hk.post.ecert.counter.domain.model.renewal;

import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/**
 * A supervisor's approval to renew a certificate before its usual window opens (issue 29: "usually within 3 weeks" is
 * the usual time, not a ban), with the reason, which the case records. The supervisor has been authenticated by the
 * caller; the approval is never the clerk's own.
 */
public record OutsideWindowApproval(String supervisor, String reason) {

    public OutsideWindowApproval {
        if (supervisor == null || supervisor.isBlank()) {
            throw new CaseRefusal("A supervisor approves a renewal outside the window.", "在續期期以外續期須由主管批准。");
        }
        if (reason == null || reason.isBlank()) {
            throw new CaseRefusal("Say why the certificate is renewed outside the window (it is recorded on the case).",
                    "請說明在續期期以外續期的原因（會記錄在個案內）。");
        }
        FreeText.check(new Bilingual("reason", "原因"), reason, FreeText.REASON);
        reason = reason.trim();
    }
}
