package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.ReceiptLine;

import java.time.ZonedDateTime;

import static hk.post.ecert.counter.domain.model.receipt.ReceiptLabels.*;

/**
 * The slip for a void (same till session) or a refund (later): which transaction it reverses, why, who approved it,
 * and the amount given back. The heading says VOID or REFUND in both languages.
 */
public final class VoidRefundReceipt {

    public enum Kind { VOID, REFUND }

    /** Everything a void or refund slip shows. */
    public record Data(String receiptId, Kind kind, Bilingual office, String counter, String clerk, ZonedDateTime at,
                       String transactionNo, String originalTransactionNo, Bilingual reason, String approver,
                       Money amount, Bilingual tender, String seal) {
    }

    private VoidRefundReceipt() {
    }

    public static ReceiptDocument compose(Data d, ReceiptLanguage lang) {
        ReceiptDocument.Builder b = ReceiptDocument.builder(d.receiptId())
                .centered(lang.label(POST))
                .title(lang.label(d.kind() == Kind.VOID ? VOID : REFUND));
        PaymentReceipt.header(b, d.office(), d.counter(), d.clerk(), d.at(), lang)
                .columns(lang.label(TRANSACTION), d.transactionNo())
                .columns(lang.label(ORIGINAL), d.originalTransactionNo())
                .rule()
                .columns(lang.label(REASON), lang.label(d.reason()))
                .columns(lang.label(APPROVED), d.approver())
                .line(new ReceiptLine.Columns(lang.label(REFUNDED) + " (" + lang.label(d.tender()) + ")",
                        Money.ofCents(-d.amount().cents()).toString(), true))
                .rule()
                .qr(d.seal())
                .feed(2);
        return b.cut().build();
    }
}
