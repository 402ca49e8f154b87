package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One way a sale is paid. Cash needs only its amount; EPS its reference number; a cheque or cashier order its
 * bank, 6-digit number, date and payee.
 */
public record Tender(TenderKind kind, Money amount, String reference, String bank, LocalDate dated, String payee) {

    public static final String PAYEE = "Postmaster General";
    private static final Pattern CHEQUE_NO = Pattern.compile("\\d{6}");
    private static final Pattern EPS_REF = Pattern.compile("[A-Za-z0-9-]{4,32}");

    public static Tender cash(Money amount) {
        return new Tender(TenderKind.CASH, amount, null, null, null, null);
    }

    public static Tender eps(Money amount, String reference) {
        return new Tender(TenderKind.EPS, amount, reference, null, null, null);
    }

    public static Tender paper(TenderKind kind, Money amount, String bank, String number, LocalDate dated, String payee) {
        return new Tender(kind, amount, number, bank, dated, payee);
    }

    /** Refuses a tender the counter may not accept on {@code today}. */
    public void check(LocalDate today) {
        if (amount == null || amount.cents() <= 0) {
            throw new PosRefusal(PosRefusal.Reason.TENDER_NOT_POSITIVE);
        }
        switch (kind) {
            case CASH -> {
                if (amount.cents() % 10 != 0) {
                    throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE_IN_CASH, amount.toString());
                }
            }
            case EPS -> {
                if (reference == null || !EPS_REF.matcher(reference.trim()).matches()) {
                    throw new PosRefusal(PosRefusal.Reason.EPS_REFERENCE);
                }
            }
            case CHEQUE, CASHIER_ORDER -> {
                FreeText.check(new Bilingual("drawee bank", "付款銀行"), bank, FreeText.NAME);
                if (bank == null || bank.isBlank()) {
                    throw new PosRefusal(PosRefusal.Reason.CHEQUE_BANK, kind.label());
                }
                if (reference == null || !CHEQUE_NO.matcher(reference.trim()).matches()) {
                    throw new PosRefusal(PosRefusal.Reason.CHEQUE_NUMBER, kind.label());
                }
                if (dated == null) {
                    throw new PosRefusal(PosRefusal.Reason.CHEQUE_DATE, kind.label());
                }
                if (payee == null || !payee.trim().replaceAll("\\s+", " ").equalsIgnoreCase(PAYEE)) {
                    throw new PosRefusal(PosRefusal.Reason.CHEQUE_PAYEE, kind.label());
                }
                if (dated.isAfter(today)) {
                    throw new PosRefusal(PosRefusal.Reason.POST_DATED, kind.label(), dated.toString());
                }
                if (dated.isBefore(today.minusMonths(6))) {
                    throw new PosRefusal(PosRefusal.Reason.STALE, kind.label(), dated.toString());
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** What a receipt prints under the tender: the EPS reference, or bank and number. */
    public Optional<String> receiptReference() {
        return switch (kind) {
            case CASH -> Optional.empty();
            case EPS -> Optional.of("Ref " + reference.trim());
            default -> Optional.of(bank.trim() + " #" + reference.trim() + " " + dated);
        };
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        m.put("cents", amount.cents());
        if (reference != null) {
            m.put("ref", reference.trim());
        }
        if (bank != null) {
            m.put("bank", bank.trim());
        }
        if (dated != null) {
            m.put("dated", dated.toString());
        }
        return m;
    }
}
