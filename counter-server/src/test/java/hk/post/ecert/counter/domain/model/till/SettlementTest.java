package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final SaleLine EXTENSION = new SaleLine("CASE-1", "PERSONAL_EXTENSION_PER_YEAR",
            new Bilingual("e-Cert (Personal) subscription extension, per year", "延長登記期"), "PERSONAL", 1, Money.ofCents(4800), "CASE:CASE-1");

    static PosRefusal.Reason refusal(List<Tender> tenders) {
        return assertThrows(PosRefusal.class, () -> Settlement.of(List.of(EXTENSION), tenders, TODAY)).reason();
    }

    @Test
    void cashGivesChangeInHongKongNotesAndCoins() {
        Settlement s = Settlement.of(List.of(EXTENSION), List.of(Tender.cash(Money.ofDollars(100))), TODAY);
        assertEquals(Money.ofCents(4800), s.total());
        assertEquals(Money.ofCents(5200), s.change());
        assertEquals(Map.of(Denomination.NOTE_50, 1, Denomination.COIN_2, 1), s.changeInPieces().pieces());
        assertEquals(Money.ofCents(4800), s.cashKept());
    }

    @Test
    void splitTenderEpsAndCash() {
        Settlement s = Settlement.of(List.of(EXTENSION, EXTENSION),
                List.of(Tender.eps(Money.ofCents(5000), "EPS123456"), Tender.cash(Money.ofCents(5000))), TODAY);
        assertEquals(Money.ofCents(9600), s.total());
        assertEquals(Money.ofCents(400), s.change());
    }

    @Test
    void refusalsNameTheProblem() {
        assertEquals(PosRefusal.Reason.SHORT, refusal(List.of(Tender.cash(Money.ofCents(4000)))));
        assertEquals(PosRefusal.Reason.NON_CASH_OVER_TOTAL, refusal(List.of(Tender.eps(Money.ofCents(5000), "EPS123456"))));
        assertEquals(PosRefusal.Reason.EPS_REFERENCE, refusal(List.of(Tender.eps(Money.ofCents(4800), " "))));
        assertEquals(PosRefusal.Reason.NOT_PAYABLE_IN_CASH, refusal(List.of(Tender.cash(Money.ofCents(4805)))));
        assertEquals(PosRefusal.Reason.TENDER_NOT_POSITIVE, refusal(List.of(Tender.cash(Money.ofCents(-100)), Tender.cash(Money.ofCents(4900)))));
        assertEquals(PosRefusal.Reason.NO_ITEMS, assertThrows(PosRefusal.class,
                () -> Settlement.of(List.of(), List.of(Tender.cash(Money.ofCents(100))), TODAY)).reason());
        SaleLine noCase = new SaleLine(" ", "X", Bilingual.NONE, "PERSONAL", 1, Money.ofCents(100), "CASE:X");
        assertEquals(PosRefusal.Reason.NO_CASE, assertThrows(PosRefusal.class,
                () -> Settlement.of(List.of(noCase), List.of(Tender.cash(Money.ofCents(100))), TODAY)).reason());
        SaleLine boundToNothing = new SaleLine("CASE-1", "X", Bilingual.NONE, "PERSONAL", 1, Money.ofCents(100), " ");
        assertEquals(PosRefusal.Reason.NOT_BOUND, assertThrows(PosRefusal.class,
                () -> Settlement.of(List.of(boundToNothing), List.of(Tender.cash(Money.ofCents(100))), TODAY)).reason());
    }

    @Test
    void chequesPayableToPostmasterGeneralNotPostDatedNotStale() {
        Money m = Money.ofCents(4800);
        assertEquals(Money.ZERO, Settlement.of(List.of(EXTENSION),
                List.of(Tender.paper(TenderKind.CHEQUE, m, "HSBC", "123456", TODAY, "postmaster  general")), TODAY).change());
        // exactly six months old is still good; a day older is stale
        Settlement.of(List.of(EXTENSION), List.of(Tender.paper(TenderKind.CHEQUE, m, "HSBC", "123456", TODAY.minusMonths(6), Tender.PAYEE)), TODAY);
        assertEquals(PosRefusal.Reason.STALE, refusal(List.of(Tender.paper(TenderKind.CHEQUE, m, "HSBC", "123456",
                TODAY.minusMonths(6).minusDays(1), Tender.PAYEE))));
        assertEquals(PosRefusal.Reason.POST_DATED, refusal(List.of(Tender.paper(TenderKind.CHEQUE, m, "HSBC", "123456",
                TODAY.plusDays(1), Tender.PAYEE))));
        assertEquals(PosRefusal.Reason.CHEQUE_PAYEE, refusal(List.of(Tender.paper(TenderKind.CASHIER_ORDER, m, "BOC", "123456",
                TODAY, "Hongkong Post"))));
        assertEquals(PosRefusal.Reason.CHEQUE_NUMBER, refusal(List.of(Tender.paper(TenderKind.CHEQUE, m, "BOC", "12a456",
                TODAY, Tender.PAYEE))));
        assertEquals(PosRefusal.Reason.CHEQUE_BANK, refusal(List.of(Tender.paper(TenderKind.CHEQUE, m, "", "123456",
                TODAY, Tender.PAYEE))));
        PosRefusal stale = assertThrows(PosRefusal.class, () -> Settlement.of(List.of(EXTENSION), List.of(Tender.paper(
                TenderKind.CHEQUE, m, "HSBC", "123456", LocalDate.of(2026, 1, 2), Tender.PAYEE)), TODAY));
        assertTrue(stale.bilingual().en().contains("older than 6 months") && stale.bilingual().en().contains("2026-01-02"),
                stale.getMessage());
        assertTrue(stale.bilingual().zh().contains("支票"), stale.bilingual().zh());
    }

    @Test
    void cashCountTotalsByDenomination() {
        CashCount c = new CashCount(Map.of(Denomination.NOTE_1000, 2, Denomination.COIN_10, 3, Denomination.COIN_10C, 7));
        assertEquals(Money.ofCents(203_070), c.total());
        assertEquals(PosRefusal.Reason.NEGATIVE_COUNT,
                assertThrows(PosRefusal.class, () -> new CashCount(Map.of(Denomination.NOTE_20, -1))).reason());
        assertEquals(Money.ofCents(987_650), CashCount.of(Money.ofCents(987_650)).total());
    }
}
