package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;

import java.time.LocalDate;

/**
 * A Bank-Cert (Bank) revocation request from the bank's AR: given with no less than one month's notice, then carried
 * out only on the AR's final confirmation, on or after the date the notice allows. REQUESTED → REVOKED, or WITHDRAWN.
 */
public record RevocationRequest(String requestRef, String bankCode, String serialHex, String arName, LocalDate noticeReceived,
                                LocalDate revokeOn, String reason, String recordedBy, State state, String confirmedBy) {

    public enum State { REQUESTED, REVOKED, WITHDRAWN }

    /** The earliest date a request received on {@code noticeReceived} may take effect: one month later. */
    public static LocalDate earliest(LocalDate noticeReceived) {
        return noticeReceived.plusMonths(1);
    }

    public static RevocationRequest receive(String ref, String bankCode, String serialHex, String arName, LocalDate noticeReceived,
                                            LocalDate revokeOn, String reason, String officer, LocalDate today) {
        if (arName == null || arName.isBlank()) {
            throw new CaseRefusal("Only the bank's AR may request revocation: enter the AR's name.", "只有銀行的獲授權代表可要求撤銷：請填寫獲授權代表姓名。");
        }
        if (noticeReceived == null || noticeReceived.isAfter(today)) {
            throw new CaseRefusal("The notice's date of receipt is today or earlier.", "通知的收件日期須為今日或之前。");
        }
        if (revokeOn == null || revokeOn.isBefore(earliest(noticeReceived))) {
            throw new CaseRefusal("A Bank-Cert (Bank) revocation needs no less than one month's notice: the earliest date for"
                    + " a notice received on " + noticeReceived + " is " + earliest(noticeReceived) + ".",
                    "撤銷銀行證書（銀行）須給予不少於一個月的通知：於 " + noticeReceived + " 收到的通知，最早撤銷日期為 "
                            + earliest(noticeReceived) + "。");
        }
        if (reason == null || reason.isBlank()) {
            throw new CaseRefusal("Record the reason the bank gives.", "請記錄銀行提出的原因。");
        }
        return new RevocationRequest(ref, bankCode, serialHex, arName.trim(), noticeReceived, revokeOn, reason.trim(), officer,
                State.REQUESTED, null);
    }

    /** The AR's final confirmation: only for a pending request, and not before the notice period has run. */
    public RevocationRequest confirmed(String officer, LocalDate today) {
        if (state != State.REQUESTED) {
            throw new CaseRefusal("Request " + requestRef + " is " + state + ".", "要求 " + requestRef + " 的狀態為 " + state + "。");
        }
        if (today.isBefore(revokeOn)) {
            throw new CaseRefusal("The notice period runs until " + revokeOn + ": the final confirmation is taken on or after that date.",
                    "通知期至 " + revokeOn + "：須於該日或之後確認撤銷。");
        }
        return new RevocationRequest(requestRef, bankCode, serialHex, arName, noticeReceived, revokeOn, reason, recordedBy,
                State.REVOKED, officer);
    }

    public RevocationRequest withdrawn(String officer) {
        if (state != State.REQUESTED) {
            throw new CaseRefusal("Request " + requestRef + " is " + state + ".", "要求 " + requestRef + " 的狀態為 " + state + "。");
        }
        return new RevocationRequest(requestRef, bankCode, serialHex, arName, noticeReceived, revokeOn, reason, recordedBy,
                State.WITHDRAWN, officer);
    }
}
