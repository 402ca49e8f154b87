package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.ReceiptLine;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import static hk.post.ecert.counter.domain.model.receipt.ReceiptLabels.*;

/**
 * A till's summary: an X slip during the session (read only, nothing closes) or the Z slip at close, with the
 * blind count and its variance. Totals are passed in as the journal derived them.
 */
public final class TillSummarySlip {

    public enum Kind { X, Z }

    /** Takings by tender. */
    public record TenderTotal(Bilingual tender, int count, Money amount) {
    }

    /** Everything a till slip shows; {@code counted} only on a Z slip. */
    public record Data(String slipId, Kind kind, Bilingual office, String counter, String till, String clerk,
                       ZonedDateTime opened, ZonedDateTime at, int sales, List<TenderTotal> takings, Money openingFloat,
                       Money drops, Money pickups, Money expectedCash, Optional<Money> counted) {
    }

    private TillSummarySlip() {
    }

    public static ReceiptDocument compose(Data d, ReceiptLanguage lang) {
        DateTimeFormatter when = PaymentReceipt.WHEN;
        String title = d.kind() == Kind.X ? lang.label(new Bilingual("X REPORT", "X 報表"))
                : lang.label(new Bilingual("Z REPORT", "Z 報表"));
        ReceiptDocument.Builder b = ReceiptDocument.builder(d.slipId())
                .centered(lang.label(POST))
                .title(title);
        PaymentReceipt.header(b, d.office(), d.counter(), d.clerk(), d.at(), lang)
                .columns(lang.label(TILL), d.till())
                .columns(lang.label(OPENED), when.format(d.opened()));
        if (d.kind() == Kind.Z) {
            b.columns(lang.label(CLOSED), when.format(d.at()));
        }
        b.rule().columns(lang.label(SALES), Integer.toString(d.sales()));
        for (TenderTotal t : d.takings()) {
            b.columns(lang.label(t.tender()) + " x" + t.count(), t.amount().toString());
        }
        b.rule()
                .columns(lang.label(FLOAT), d.openingFloat().toString())
                .columns(lang.label(DROPS), Money.ofCents(-d.drops().cents()).toString())
                .columns(lang.label(PICKUPS), d.pickups().toString())
                .line(new ReceiptLine.Columns(lang.label(EXPECTED), d.expectedCash().toString(), true));
        d.counted().ifPresent(c -> {
            b.columns(lang.label(COUNTED), c.toString());
            b.line(new ReceiptLine.Columns(lang.label(VARIANCE), Money.ofCents(c.cents() - d.expectedCash().cents()).toString(), true));
        });
        return b.rule().centered(lang.label(NOT_A_RECEIPT)).feed(2).cut().build();
    }
}
