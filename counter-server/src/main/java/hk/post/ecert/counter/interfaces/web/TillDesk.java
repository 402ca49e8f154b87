package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clerk's till: open with a counted float, cash drops and pickups, and the blind close — the clerk counts by
 * denomination before the screen shows what was expected; then the variance, its reason, and the sign-off it may
 * need. The expected cash is never shown while the till is open.
 */
@Named
@ViewScoped
public class TillDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PointOfSale pos;

    @Inject
    TillReceipts receipts;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private List<Screens.CountRow> floatRows = Screens.countRows();
    private List<Screens.CountRow> moveRows = Screens.countRows();
    private List<Screens.CountRow> closeRows = Screens.countRows();
    private String openId = PointOfSale.newId("TILL");
    private String moveId = PointOfSale.newId("MOVE");
    private String varianceReason;
    private CloseOutcome closed;

    public Optional<TillSession> getTill() {
        return pos.currentTill(staff.getUsername());
    }

    public String getStatus() {
        return getTill().map(t -> t.status().name()).orElse("NONE");
    }

    public TillLedger getLedger() {
        return getTill().map(t -> pos.ledger(t.tillId())).orElse(null);
    }

    /** Takings by tender for the open till (no cash expectation: the count stays blind). */
    public List<String> getNonCashTakings() {
        TillLedger l = getLedger();
        List<String> out = new ArrayList<>();
        if (l != null) {
            l.byTender().forEach((k, v) -> {
                if (k != TenderKind.CASH) {
                    out.add(k.label().in(language.getLocale()) + " × " + v.count() + ": " + v.amount());
                }
            });
        }
        return out;
    }

    public void open() {
        String id = Screens.param("openId");
        if (id == null || !id.equals(openId)) {
            return;
        }
        try {
            pos.open(id, staff.getUsername(), Screens.count(floatRows));
            openId = PointOfSale.newId("TILL");
            floatRows = Screens.countRows();
            closed = null;
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    public void drop() {
        move(true);
    }

    public void pickup() {
        move(false);
    }

    private void move(boolean drop) {
        String id = Screens.param("moveId");
        Optional<TillSession> t = getTill();
        if (id == null || !id.equals(moveId) || t.isEmpty()) {
            return;
        }
        try {
            Money m = pos.moveCash(id, t.get().tillId(), staff.getUsername(), drop, Screens.count(moveRows));
            moveId = PointOfSale.newId("MOVE");
            moveRows = Screens.countRows();
            Screens.info(Screens.text(language.getLocale(), drop ? "till.dropped" : "till.pickedUp", m.toString()));
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    /** The blind count: recorded as typed, compared with the journal's expectation only now. */
    public void closeTill() {
        Optional<TillSession> t = getTill();
        if (t.isEmpty()) {
            return;
        }
        try {
            closed = pos.closeBlind(t.get().tillId(), staff.getUsername(), Screens.count(closeRows));
            closeRows = Screens.countRows();
            printSlip(t.get().tillId());
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    public void explain() {
        Optional<TillSession> t = getTill();
        if (t.isEmpty()) {
            return;
        }
        try {
            TillSession.Status s = pos.explainVariance(t.get().tillId(), staff.getUsername(), varianceReason);
            varianceReason = null;
            Screens.info(Screens.text(language.getLocale(), s == TillSession.Status.CLOSED ? "till.closedWithReason" : "till.needsSignOff"));
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    private void printSlip(String tillId) {
        try {
            receipts.printTillSlip(tillId, staff.getUsername(), language.isChinese() ? ReceiptLanguage.ZH : ReceiptLanguage.EN);
        } catch (IllegalStateException e) {
            Screens.error(Screens.text(language.getLocale(), "sale.notPrinted"));
        }
    }

    public boolean isChinese() {
        return language.isChinese();
    }

    public Money getSignOffThreshold() {
        return pos.signOffThreshold();
    }

    public List<Screens.CountRow> getFloatRows() { return floatRows; }
    public List<Screens.CountRow> getMoveRows() { return moveRows; }
    public List<Screens.CountRow> getCloseRows() { return closeRows; }
    public String getNextOpenId() { return openId; }
    public String getNextMoveId() { return moveId; }
    public String getVarianceReason() { return varianceReason; }
    public void setVarianceReason(String v) { varianceReason = v; }
    public CloseOutcome getClosed() { return closed; }
}
