package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.devices.printer.ReceiptLine;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.devices.printer.ReceiptDocument;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import static hk.post.ecert.counter.domain.model.receipt.ReceiptLabels.*;

/**
 * The customer's proof of payment: where, who, when, the transaction number, each item with its quantity and unit fee
 * (e.g. "2 x HK$24.00"), each tender, the change,
 * the subscriber's HKID masked, and a QR code carrying the receipt's id. Cash sales open the drawer.
 */
public final class PaymentReceipt {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One thing paid for: how many, at what unit fee, and the line's amount (quantity × unit). */
    public record Item(Bilingual description, long quantity, Money unit, Money amount) {
        public Item {
            if (quantity < 1 || !unit.times(quantity).equals(amount)) {
                throw new IllegalArgumentException(description.en() + ": " + quantity + " × " + unit + " is not " + amount);
            }
        }

        /** One of something. */
        public Item(Bilingual description, Money amount) {
            this(description, 1, amount, amount);
        }

        /** A line of {@code quantity} for {@code amount}: the unit fee is the amount divided evenly. */
        public static Item of(Bilingual description, long quantity, Money amount) {
            if (quantity < 1 || amount.cents() % quantity != 0) {
                return new Item(description, amount);
            }
            return new Item(description, quantity, Money.ofCents(amount.cents() / quantity), amount);
        }
    }

    /** One way it was paid: cash, EPS (with its reference), cheque or cashier order (with bank and number). */
    public record Tender(Bilingual kind, Money amount, Optional<String> reference, boolean cash) {
    }

    /** Everything a payment receipt shows. */
    public record Data(String receiptId, Bilingual office, String counter, String clerk, ZonedDateTime at,
                       String transactionNo, List<Item> items, List<Tender> tenders, Money change,
                       Optional<Hkid> subscriber, String seal) {
        public Money total() {
            return items.stream().map(Item::amount).reduce(Money.ZERO, Money::plus);
        }
    }

    private PaymentReceipt() {
    }

    public static ReceiptDocument compose(Data d, ReceiptLanguage lang) {
        ReceiptDocument.Builder b = ReceiptDocument.builder(d.receiptId())
                .centered(lang.label(POST))
                .title(lang.label(RECEIPT));
        header(b, d.office(), d.counter(), d.clerk(), d.at(), lang)
                .columns(lang.label(TRANSACTION), d.transactionNo())
                .rule();
        for (Item i : d.items()) {
            b.columns(lang.label(i.description()), i.amount().toString());
            b.text("  " + i.quantity() + " x " + i.unit());   // the printer's Big5 code page has no ×
        }
        b.rule().line(new ReceiptLine.Columns(lang.label(TOTAL), d.total().toString(), true));
        boolean cash = false;
        for (Tender t : d.tenders()) {
            b.columns(lang.label(t.kind()), t.amount().toString());
            t.reference().ifPresent(ref -> b.text("  " + ref));
            cash |= t.cash();
        }
        if (cash) {
            b.columns(lang.label(CHANGE), d.change().toString());
        }
        d.subscriber().ifPresent(h -> b.columns(lang.label(HKID), h.masked()));
        // the QR carries the receipt's signed statement: anyone can check it at /verify or offline (bin/verify-receipt)
        b.rule().centered(lang.label(KEEP)).qr(d.seal()).feed(2);
        if (cash) {
            b.drawerKick();
        }
        return b.cut().build();
    }

    static ReceiptDocument.Builder header(ReceiptDocument.Builder b, Bilingual office, String counter, String clerk,
                                          ZonedDateTime at, ReceiptLanguage lang) {
        return b.columns(lang.label(OFFICE), lang.label(office))
                .columns(lang.label(COUNTER), counter)
                .columns(lang.label(CLERK), clerk)
                .columns(lang.label(DATE), WHEN.format(at));
    }
}
