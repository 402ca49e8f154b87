package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.FreeText;

import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import java.util.Optional;
import java.util.function.Supplier;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.Denomination;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Helpers the till screens share: messages, money typed by a clerk, and counts by denomination. */
final class Screens {

    private Screens() {
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void warn(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
    }

    /** Notes a customer commonly hands over, in cents. */
    private static final java.util.List<Long> NOTES = java.util.List.of(5_000L, 10_000L, 50_000L, 100_000L);

    /** The cash buttons for a total: the exact amount, then each of the next three common notes that covers it. */
    static java.util.List<Money> tenderButtons(Money total) {
        java.util.List<Money> out = new java.util.ArrayList<>();
        out.add(total);
        NOTES.stream().filter(n -> n > total.cents()).limit(3).forEach(n -> out.add(Money.ofCents(n)));
        return out;
    }

    /** The receipt language that follows the screen's (when the customer has not said). */
    static ReceiptLanguage receiptLanguage(Language language) {
        return language.isChinese() ? ReceiptLanguage.ZH
                : ReceiptLanguage.EN;
    }

    static void refused(PosRefusal e, Locale locale) {
        error(e.bilingual().in(locale));
    }

    /** Sends the browser to another screen of the counter (a path under the application, with its query). */
    static void redirect(String path) {
        jakarta.faces.context.ExternalContext ext = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        try {
            ext.redirect(ext.getRequestContextPath() + "/" + path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String text(Locale locale, String key, Object... args) {
        String t = Messages.bundle(locale).getString(key);
        return args.length == 0 ? t : String.format(t, args);
    }

    /** The request parameter a button rendered (an id chosen before the first submit). */
    static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    /**
     * "48", "48.5", "HK$1,048.50" → cents. Empty is zero.
     *
     * @throws IllegalArgumentException with a clerk's message when it is not an amount of money
     */
    static Money money(String typed, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return Money.ZERO;
        }
        String s = typed.trim().replace("HK$", "").replace("$", "").replace(",", "");
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.scale() > 2 || v.signum() < 0) {
                throw new NumberFormatException();
            }
            return Money.ofCents(v.movePointRight(2).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(text(locale, "pos.notMoney", typed));
        }
    }

    /** The clerk's open till, or empty with the clerk's message that there is none. */
    static java.util.Optional<TillSession> openTill(
            PointOfSale pos, StaffSession staff, Language language) {
        java.util.Optional<TillSession> till = pos.currentTill(staff.getUsername())
                .filter(t -> t.status() == TillSession.Status.OPEN);
        if (till.isEmpty()) {
            refused(new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, String.valueOf(staff.getCounter())), language.getLocale());
        }
        return till;
    }

    /** Prints the receipt of a payment just taken, in the screen's language; a printer that cannot is said, not thrown. */
    static void printReceipt(TillReceipts receipts, String paymentId, StaffSession staff,
                             Language language) {
        printReceipt(receipts, paymentId, staff, language, receiptLanguage(language));
    }

    /** As above, in the receipt language the customer chose. */
    static void printReceipt(TillReceipts receipts, String paymentId, StaffSession staff,
                             Language language, ReceiptLanguage receiptLanguage) {
        try {
            receipts.printReceipt(paymentId, paymentId, staff.getUsername(), receiptLanguage);
        } catch (IllegalStateException e) {
            error(text(language.getLocale(), "sale.notPrinted"));
        }
    }

    /**
     * The pay-at-a-desk flow every case desk shares (renewal cases, Bank-Cert applications): the form's payment id must
     * be the one the screen chose (a stale or repeated form pays nothing new); the clerk needs an open till; the
     * checkout takes the payment for what is bought; the receipt prints after the commit. Empty when nothing was paid
     * (the reason is shown).
     */
    static Optional<SaleOutcome> payAtDesk(String expectedPaymentId, Checkout checkout, PointOfSale pos, TillReceipts receipts,
            StaffSession staff, Language language, ReceiptLanguage customerReads, Supplier<List<Tender>> tenders,
            List<Payable> bought) {
        String id = param("paymentId");
        if (id == null || !id.equals(expectedPaymentId)) {
            return Optional.empty();
        }
        if (openTill(pos, staff, language).isEmpty()) {
            return Optional.empty();
        }
        SaleOutcome done = checkout.pay(id, staff.getUsername(), bought, tenders.get());
        printReceipt(receipts, done.paymentId(), staff, language, customerReads);
        return Optional.of(done);
    }

    /** A refusal from any of the case services, in the screen's language. */
    static void refusedAny(RuntimeException e, Language language) {
        if (e instanceof CaseRefusal c) {
            error(c.bilingual().in(language.getLocale()));
        } else if (e instanceof RegistryRefusal r) {
            error(r.bilingual().in(language.getLocale()));
        } else if (e instanceof PosRefusal p) {
            refused(p, language.getLocale());
        } else if (e instanceof FreeText.Refused f) {
            error(f.bilingual().in(language.getLocale()));
        } else {
            error(e.getMessage());
        }
    }

    /** One row of a count-by-denomination form. */
    public static final class CountRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Denomination denomination;
        private Integer count;

        CountRow(Denomination d) {
            this.denomination = d;
        }

        public Denomination getDenomination() {
            return denomination;
        }

        public String label(boolean chinese) {
            return chinese ? denomination.labelZh() : denomination.label();
        }

        public Integer getCount() {
            return count;
        }

        public void setCount(Integer count) {
            this.count = count;
        }
    }

    static List<CountRow> countRows() {
        List<CountRow> rows = new ArrayList<>();
        for (Denomination d : Denomination.values()) {
            rows.add(new CountRow(d));
        }
        return rows;
    }

    static CashCount count(List<CountRow> rows) {
        Map<Denomination, Integer> m = new EnumMap<>(Denomination.class);
        for (CountRow r : rows) {
            if (r.count != null) {
                m.put(r.denomination, r.count);
            }
        }
        return new CashCount(m);
    }
}
