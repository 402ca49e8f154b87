package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal.Reason;
import hk.post.ecert.counter.domain.model.till.TillSession.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The till's rules, read as a supervisor would state them, without a database (issue 15). */
class TillRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final Money THRESHOLD = Money.ofCents(5000);

    private static TillSession till(Status status) {
        return new TillSession("T1", "GPO", "C01", "GPO-C01", "clerk1", DAY, status, AT, null);
    }

    private static void refused(Reason reason, Executable step) {
        assertEquals(reason, assertThrows(PosRefusal.class, step).reason());
    }

    @Test
    void aNewTillIsOpenAtItsCounterAndTakesMoneyOnlyFromItsOwnClerk() {
        TillSession t = TillSession.open("T1", "GPO", "C01", "clerk1", DAY, AT);
        assertEquals(Status.OPEN, t.status());
        assertEquals("GPO-C01", t.journalCounter());
        assertDoesNotThrow(() -> t.requireOpenFor("clerk1"));
        refused(Reason.NOT_YOUR_TILL, () -> t.requireOpenFor("clerk2"));
    }

    @Test
    void aTillThatIsNotOpenTakesNoMoney() {
        for (Status s : List.of(Status.COUNTED, Status.AWAITING_SIGNOFF, Status.CLOSED)) {
            refused(Reason.TILL_NOT_OPEN, () -> till(s).requireOpenFor("clerk1"));
        }
    }

    @Test
    void aCashMovementIsOfSomeMoneyAndADropCannotTakeMoreThanTheDrawerHolds() {
        TillSession t = till(Status.OPEN);
        refused(Reason.AMOUNT_ZERO, () -> t.checkCashMovement("clerk1", true, Money.ZERO, Money.ofCents(10_000)));
        refused(Reason.DROP_OVER_CASH, () -> t.checkCashMovement("clerk1", true, Money.ofCents(10_001), Money.ofCents(10_000)));
        assertDoesNotThrow(() -> t.checkCashMovement("clerk1", true, Money.ofCents(10_000), Money.ofCents(10_000)));
        assertDoesNotThrow(() -> t.checkCashMovement("clerk1", false, Money.ofCents(50_000), Money.ZERO), "a pickup adds cash");
    }

    @Test
    void aBlindCloseWithoutVarianceClosesTheTill() {
        CloseOutcome c = till(Status.OPEN).closeBlind("clerk1", CashCount.of(Money.ofCents(12_340)), Money.ofCents(12_340));
        assertEquals(Status.CLOSED, c.status());
        assertEquals(Money.ZERO, c.variance());
    }

    @Test
    void aBlindCloseWithAVarianceWaitsForTheClerksReason() {
        CloseOutcome c = till(Status.OPEN).closeBlind("clerk1", CashCount.of(Money.ofCents(10_000)), Money.ofCents(11_000));
        assertEquals(Status.COUNTED, c.status());
        assertEquals(Money.ofCents(-1_000), c.variance());
    }

    @Test
    void aTillIsCountedOnceAndOnlyByItsClerk() {
        refused(Reason.ALREADY_CLOSED, () -> till(Status.COUNTED).closeBlind("clerk1", CashCount.empty(), Money.ZERO));
        refused(Reason.NOT_YOUR_TILL, () -> till(Status.OPEN).closeBlind("clerk2", CashCount.empty(), Money.ZERO));
    }

    @Test
    void aVarianceWithinTheThresholdClosesOnTheClerksReasonAndOneAboveItNeedsASupervisor() {
        TillSession counted = till(Status.COUNTED);
        assertEquals(Status.CLOSED, counted.explainVariance("clerk1", "coin miscount", Money.ofCents(-5000), THRESHOLD));
        assertEquals(Status.AWAITING_SIGNOFF, counted.explainVariance("clerk1", "note missing", Money.ofCents(-5001), THRESHOLD));
        assertEquals(Status.AWAITING_SIGNOFF, counted.explainVariance("clerk1", "found a note", Money.ofCents(10_000), THRESHOLD),
                "an overage counts as much as a shortage");
    }

    @Test
    void aVarianceIsExplainedWithAReasonByTheTillsClerkOnlyWhenCounted() {
        TillSession counted = till(Status.COUNTED);
        refused(Reason.REASON_NEEDED, () -> counted.explainVariance("clerk1", "  ", Money.ofCents(100), THRESHOLD));
        refused(Reason.NOT_YOUR_TILL, () -> counted.explainVariance("clerk2", "x", Money.ofCents(100), THRESHOLD));
        refused(Reason.NO_VARIANCE_TO_EXPLAIN, () -> till(Status.OPEN).explainVariance("clerk1", "x", Money.ofCents(100), THRESHOLD));
    }

    @Test
    void aSignOffIsBySomeoneOtherThanTheClerkAndOnlyWhenAwaited() {
        assertEquals(Status.CLOSED, till(Status.AWAITING_SIGNOFF).signOff("super1"));
        refused(Reason.SELF_APPROVAL, () -> till(Status.AWAITING_SIGNOFF).signOff("clerk1"));
        refused(Reason.NOT_AWAITING_SIGNOFF, () -> till(Status.COUNTED).signOff("super1"));
    }

    @Test
    void aCorrectionCarriesMoneyAReasonAndEvidence() {
        refused(Reason.AMOUNT_ZERO, () -> TillCorrection.propose("K1", "T1", TenderKind.CASH, Money.ZERO, "r", "e", "super1"));
        refused(Reason.REASON_NEEDED, () -> TillCorrection.propose("K1", "T1", TenderKind.CASH, Money.ofCents(100), "r", " ", "super1"));
        TillCorrection k = TillCorrection.propose("K1", "T1", TenderKind.CASH, Money.ofCents(-100), " miskeyed ", " slip 7 ", "super1");
        assertEquals(TillCorrection.PROPOSED, k.status());
        assertEquals("miskeyed", k.reason());
    }

    @Test
    void aCorrectionIsApprovedByASecondPersonOneOfWhomAnswersForTheCounter() {
        TillSession t = till(Status.CLOSED);
        TillCorrection k = TillCorrection.propose("K1", "T1", TenderKind.CASH, Money.ofCents(-100), "r", "e", "super1");
        Responsibility onlySuper2 = (who, office, counter) -> who.equals("super2");
        Responsibility nobody = (who, office, counter) -> false;
        refused(Reason.SECOND_PERSON, () -> k.checkApproval("super1", t, onlySuper2));
        refused(Reason.NOT_RESPONSIBLE, () -> k.checkApproval("super3", t, nobody));
        assertDoesNotThrow(() -> k.checkApproval("super2", t, onlySuper2));
    }

    private static SaleOutcome sale(String tillId, String clerk) {
        return new SaleOutcome("P1", "GPO-C01-000007", tillId, clerk, AT, Money.ofCents(4800), Money.ofCents(5000),
                Money.ofCents(200), List.of(), List.of(Map.of("kind", "CASH", "cents", 5000L)), true);
    }

    @Test
    void aVoidIsOfTheClerksOwnSessionAndARefundOfAnEarlierOneAtTheSameOffice() {
        TillSession mine = till(Status.OPEN);
        TillSession earlier = new TillSession("T0", "GPO", "C01", "GPO-C01", "clerk1", DAY.minusDays(1), Status.CLOSED, AT, AT);
        TillSession elsewhere = new TillSession("T9", "KLN", "C01", "KLN-C01", "clerk9", DAY, Status.CLOSED, AT, AT);
        assertDoesNotThrow(() -> ReversalOutcome.check(true, mine, sale("T1", "clerk1"), mine, "clerk1", "super1", Optional.empty()));
        refused(Reason.VOID_OTHER_SESSION, () -> ReversalOutcome.check(true, mine, sale("T0", "clerk1"), earlier, "clerk1", "super1", Optional.empty()));
        assertDoesNotThrow(() -> ReversalOutcome.check(false, mine, sale("T0", "clerk1"), earlier, "clerk1", "super1", Optional.empty()));
        refused(Reason.REFUND_SAME_SESSION, () -> ReversalOutcome.check(false, mine, sale("T1", "clerk1"), mine, "clerk1", "super1", Optional.empty()));
        refused(Reason.REFUND_OTHER_OFFICE, () -> ReversalOutcome.check(false, mine, sale("T9", "clerk9"), elsewhere, "clerk1", "super1", Optional.empty()));
    }

    @Test
    void aReversalIsApprovedByNeitherClerkAndHappensOnce() {
        TillSession mine = till(Status.OPEN);
        refused(Reason.SELF_APPROVAL, () -> ReversalOutcome.check(true, mine, sale("T1", "clerk1"), mine, "clerk1", "clerk1", Optional.empty()));
        refused(Reason.SELF_APPROVAL, () -> ReversalOutcome.check(true, mine, sale("T1", "clerk7"), mine, "clerk1", "clerk7", Optional.empty()));
        ReversalOutcome done = new ReversalOutcome("R1", Events.VOID, "GPO-C01-000008", "GPO-C01-000007", "T1", Money.ofCents(4800),
                Money.ofCents(4800), "wrong item", "super1", AT, true);
        PosRefusal twice = assertThrows(PosRefusal.class,
                () -> ReversalOutcome.check(true, mine, sale("T1", "clerk1"), mine, "clerk1", "super1", Optional.of(done)));
        assertEquals(Reason.ALREADY_REVERSED, twice.reason());
        refused(Reason.REASON_NEEDED, () -> ReversalOutcome.checkRequest(mine, "clerk1", ""));
    }

    @Test
    void aVoidGivesTheCashKeptBackAndARefundIsPaidInCash() {
        SaleOutcome s = new SaleOutcome("P1", "GPO-C01-000007", "T1", "clerk1", AT, Money.ofCents(9600), Money.ofCents(5000),
                Money.ofCents(400), List.of(), List.of(Map.of("kind", "EPS", "cents", 5000L), Map.of("kind", "CASH", "cents", 5000L)), true);
        ReversalOutcome.Payback v = ReversalOutcome.payback(true, s, false);
        assertEquals(4600, v.cashOut(), "HK$50 cash tendered, HK$4 change given: HK$46 goes back from the drawer");
        assertEquals(5000L, v.tenders().get(0).get("cents"), "EPS reversed in full");
        ReversalOutcome.Payback r = ReversalOutcome.payback(false, s, false);
        assertEquals(9600, r.cashOut());
        assertEquals(List.of(Map.of("kind", "CASH", "cents", 9600L)), r.tenders());
        ReversalOutcome.Payback toCard = ReversalOutcome.payback(false, s, true);
        assertEquals(0, toCard.cashOut(), "a refund to the card takes nothing from a drawer");
        assertEquals(List.of(Map.of("kind", "EPS", "cents", 9600L)), toCard.tenders());
    }

    @Test
    void aRefusalSpeaksBothLanguages() {
        Bilingual b = new PosRefusal(Reason.SELF_APPROVAL, "clerk1").bilingual();
        assertEquals(false, b.en().isBlank() || b.zh().isBlank());
    }
}
