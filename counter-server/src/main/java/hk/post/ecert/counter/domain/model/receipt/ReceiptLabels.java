package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** The fixed bilingual labels printed on counter receipts. */
final class ReceiptLabels {

    private ReceiptLabels() {
    }

    static final Bilingual POST = new Bilingual("Hongkong Post", "香港郵政");
    static final Bilingual RECEIPT = new Bilingual("RECEIPT", "收據");
    static final Bilingual VOID = new Bilingual("VOID", "撤銷");
    static final Bilingual REFUND = new Bilingual("REFUND", "退款");
    static final Bilingual OFFICE = new Bilingual("Office", "郵政局");
    static final Bilingual COUNTER = new Bilingual("Counter", "櫃位");
    static final Bilingual CLERK = new Bilingual("Clerk", "職員");
    static final Bilingual DATE = new Bilingual("Date", "日期");
    static final Bilingual TRANSACTION = new Bilingual("Txn no.", "交易編號");
    static final Bilingual ORIGINAL = new Bilingual("Original txn", "原交易");
    static final Bilingual TOTAL = new Bilingual("Total", "總額");
    static final Bilingual CHANGE = new Bilingual("Change", "找續");
    static final Bilingual HKID = new Bilingual("HKID", "身份證");
    static final Bilingual REASON = new Bilingual("Reason", "原因");
    static final Bilingual APPROVED = new Bilingual("Approved by", "批核人");
    static final Bilingual REFUNDED = new Bilingual("Refunded", "退回");
    static final Bilingual TILL = new Bilingual("Till", "錢箱");
    static final Bilingual OPENED = new Bilingual("Opened", "開啟");
    static final Bilingual CLOSED = new Bilingual("Closed", "關閉");
    static final Bilingual FLOAT = new Bilingual("Opening float", "備用金");
    static final Bilingual DROPS = new Bilingual("Cash drops", "現金上繳");
    static final Bilingual PICKUPS = new Bilingual("Cash pickups", "現金提取");
    static final Bilingual EXPECTED = new Bilingual("Expected cash", "應有現金");
    static final Bilingual COUNTED = new Bilingual("Counted cash", "點算現金");
    static final Bilingual VARIANCE = new Bilingual("Variance", "差額");
    static final Bilingual SALES = new Bilingual("Sales", "交易數目");
    static final Bilingual KEEP = new Bilingual("Please keep this receipt.", "請保留此收據。");
    static final Bilingual NOT_A_RECEIPT = new Bilingual("This slip is not a receipt.", "此單據並非收據。");
}
