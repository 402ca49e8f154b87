package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/**
 * Why the till will not do what was asked, in words a clerk can act on, in both languages. Nothing has been
 * recorded when this is thrown.
 */
public class PosRefusal extends RuntimeException {

    /** Each refusal with its English and Chinese wording; {@code %s} takes the detail. */
    public enum Reason {
        NO_ITEMS("Add at least one fee item to the sale.", "請先加入最少一項收費項目。"),
        NO_CASE("Each fee item must name its case reference.", "每項收費須註明個案編號。"),
        NOT_BOUND("Each fee item must name what it pays for (a case, an application or an extension).",
                "每項收費須註明所付的項目（個案、申請或延長登記期）。"),
        NOT_PAYABLE("Nothing can be paid for as \"%s\".", "「%s」並非可付款的項目。"),
        TWICE_IN_BASKET("%s is in the sale twice.", "%s 在同一交易中出現兩次。"),
        OTHER_PAYMENT("Payment %s was for something else; start a new sale.", "付款 %s 屬於其他項目；請開始新的交易。"),
        TENDER_NOT_POSITIVE("Each payment amount must be more than HK$0.00.", "每項付款金額必須多於 HK$0.00。"),
        NOT_PAYABLE_IN_CASH("%s cannot be paid in cash: the smallest coin is 10 cents.", "%s 不能以現金支付：最小硬幣為一毫。"),
        SHORT("The payments are %s short of the total.", "付款比總額少 %s。"),
        NON_CASH_OVER_TOTAL("EPS, cheques and cashier orders cannot be more than the amount due (no change is given on them); over by %s.",
                "易辦事、支票及本票的金額不可超過應付金額（不設找贖）；超出 %s。"),
        EPS_REFERENCE("An EPS payment needs the EPS reference number from the terminal slip.", "易辦事付款須輸入交易參考編號。"),
        CHEQUE_BANK("A %s needs the drawee bank's name.", "%s 須註明付款銀行。"),
        CHEQUE_NUMBER("A %s number has 6 digits.", "%s 號碼為 6 位數字。"),
        CHEQUE_DATE("A %s needs its date.", "%s 須有日期。"),
        CHEQUE_PAYEE("A %s must be payable to \"Postmaster General\".", "%s 抬頭必須為「Postmaster General」（郵政署署長）。"),
        POST_DATED("A post-dated %s cannot be accepted (dated %s).", "不接受期票（%s，日期 %s）。"),
        STALE("A %s older than 6 months cannot be accepted (dated %s).", "不接受日期超過 6 個月的%s（日期 %s）。"),
        NEGATIVE_COUNT("A count cannot be negative (%s).", "點算數目不可為負數（%s）。"),
        NO_OPEN_TILL("There is no open till at counter %s. Open the till first.", "櫃位 %s 沒有已開啟的錢櫃，請先開櫃。"),
        TILL_NOT_OPEN("Till %s is not open: nothing can be sold, dropped or picked up on it.", "錢櫃 %s 並未開啟：不能銷售、存款或補款。"),
        TILL_ALREADY_OPEN("Counter %s already has an open till (%s).", "櫃位 %s 已有開啟的錢櫃（%s）。"),
        ALREADY_CLOSED("Till %s has already been counted and closed.", "錢櫃 %s 已點算及關閉。"),
        NOT_YOUR_TILL("Till %s belongs to %s.", "錢櫃 %s 屬於 %s。"),
        NO_VARIANCE_TO_EXPLAIN("Till %s has no variance waiting for a reason.", "錢櫃 %s 沒有待解釋的差額。"),
        REASON_NEEDED("Give a reason.", "請提供原因。"),
        NOT_AWAITING_SIGNOFF("Till %s is not waiting for a supervisor's sign-off.", "錢櫃 %s 並非等候主管確認。"),
        DROP_OVER_CASH("Cannot drop %s: the drawer should hold only %s.", "不能存入 %s：錢櫃現金應只有 %s。"),
        SUPERVISOR_REFUSED("The supervisor's user name or password is not correct, or that account is not a supervisor.",
                "主管用戶名稱或密碼不正確，或該帳戶並非主管。"),
        SUPERVISOR_LOCKED("The account %s is locked after too many wrong passwords: another supervisor or an administrator lifts the lock.",
                "帳戶 %s 因多次密碼錯誤已被鎖定：須由另一主管或系統管理員解鎖。"),
        SUPERVISOR_WAIT("Too many wrong passwords: try again in %s seconds.", "密碼錯誤次數過多：請於 %s 秒後再試。"),
        OTHER_OFFICE("%s is at another office: a supervisor acts only for their own office.", "%s 屬於其他辦事處：主管只可處理本身辦事處的事務。"),
        SELF_APPROVAL("%s cannot approve their own transaction.", "%s 不可批核自己的交易。"),
        ADMINISTRATORS_ONLY("%s is an administrator: only an administrator may change an administrator's account.",
                "%s 是系統管理員：只有系統管理員可更改系統管理員的帳戶。"),
        LAST_ADMINISTRATOR("%s is the last active administrator: make another administrator first.",
                "%s 是最後一位在職的系統管理員：請先設立另一位系統管理員。"),
        NO_SUCH_SALE("No sale %s.", "沒有交易 %s。"),
        ALREADY_REVERSED("Sale %s has already been %s.", "交易 %s 已%s。"),
        VOID_OTHER_SESSION("Sale %s was taken in another till session: refund it instead of voiding it.", "交易 %s 屬於另一錢櫃時段：請辦理退款而非取消。"),
        REFUND_SAME_SESSION("Sale %s is in the open till session: void it instead.", "交易 %s 屬於目前錢櫃時段：請辦理取消。"),
        REFUND_OTHER_OFFICE("Sale %s was taken at another office.", "交易 %s 屬於其他辦事處。"),
        ID_REUSED("Request id %s was already used for a different request.", "請求編號 %s 已用於另一項請求。"),
        DAY_CLOSED("The office day %s has been closed.", "辦事處 %s 已完成日結。"),
        MONEY_UNTIED("The office day cannot close: %s taken today is not tied to any service (%s).",
                "未能日結：今日收取的 %s 未對應任何服務（%s）。"),
        KIOSK_PAYMENTS_UNRESOLVED("The office day cannot close: the outcome of these kiosk payments is not known: %s. Resolve them against the EPS batch.",
                "未能日結：以下自助服務機付款結果未明：%s。請按易辦事結算批次處理。"),
        EPS_NOT_SETTLED("Kiosk %s has not settled its EPS batch of %s: settle the kiosks' EPS first, the batch says whether the card was charged.",
                "自助服務機 %s 尚未結算 %s 的易辦事交易：請先結算，結算批次會顯示卡是否已被扣款。"),
        TILLS_STILL_OPEN("The office day cannot close: these tills are not closed: %s.", "未能日結：以下錢櫃仍未關閉：%s。"),
        SECOND_PERSON("A correction needs a second person: %s proposed it.", "更正須由另一人批核：%s 為提出人。"),
        NOT_RESPONSIBLE("One of the two people must be responsible for counter %s (its clerk or a supervisor of its office).",
                "兩人之中須有一人負責櫃位 %s（該櫃位職員或其辦事處主管）。"),
        NO_SUCH_CORRECTION("No pending correction %s.", "沒有待批核的更正 %s。"),
        AMOUNT_ZERO("The amount cannot be zero.", "金額不可為零。");

        private final String en;
        private final String zh;

        Reason(String en, String zh) {
            this.en = en;
            this.zh = zh;
        }
    }

    private final Reason reason;
    private final Bilingual message;

    public PosRefusal(Reason reason, Object... detail) {
        super(String.format(reason.en, in(detail, true)));
        this.reason = reason;
        this.message = new Bilingual(String.format(reason.en, in(detail, true)), String.format(reason.zh, in(detail, false)));
    }

    private static Object[] in(Object[] detail, boolean english) {
        Object[] out = new Object[detail.length];
        for (int i = 0; i < detail.length; i++) {
            out[i] = detail[i] instanceof Bilingual b ? (english ? b.en() : b.zh()) : detail[i];
        }
        return out;
    }

    public Reason reason() {
        return reason;
    }

    public Bilingual bilingual() {
        return message;
    }
}
