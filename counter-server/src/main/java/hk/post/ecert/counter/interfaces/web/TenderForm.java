package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TenderKind;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one tender form every paying screen shows ({@code /WEB-INF/tender-form.xhtml}): cash handed over, an EPS payment
 * with its reference, a cheque or cashier order with its bank, number, date and payee. Which of them a screen offers
 * is the screen's choice; what was typed becomes the tenders of one payment.
 */
public class TenderForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String cash;
    private String epsAmount;
    private String epsRef;
    private String paperKind = TenderKind.CHEQUE.name();
    private String paperAmount;
    private String paperBank;
    private String paperNumber;
    private String paperDate;
    private String paperPayee = Tender.PAYEE;

    /** The tenders typed, EPS and paper first, cash last (change comes only from cash); a bad date is refused in words. */
    public List<Tender> tenders(Locale locale) {
        List<Tender> out = new ArrayList<>();
        Money eps = Screens.money(epsAmount, locale);
        if (eps.cents() > 0 || (epsRef != null && !epsRef.isBlank())) {
            out.add(Tender.eps(eps, epsRef));
        }
        Money paper = Screens.money(paperAmount, locale);
        if (paper.cents() > 0) {
            LocalDate dated = null;
            if (paperDate != null && !paperDate.isBlank()) {
                try {
                    dated = LocalDate.parse(paperDate.trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(Screens.text(locale, "sale.badDate", paperDate));
                }
            }
            out.add(Tender.paper(TenderKind.valueOf(paperKind), paper, paperBank, paperNumber, dated, paperPayee));
        }
        Money c = Screens.money(cash, locale);
        if (c.cents() > 0) {
            out.add(Tender.cash(c));
        }
        return out;
    }

    /** Empties the form for the next payment. */
    public void clear() {
        cash = null;
        epsAmount = null;
        epsRef = null;
        paperAmount = null;
        paperBank = null;
        paperNumber = null;
        paperDate = null;
        paperPayee = Tender.PAYEE;
    }

    public String getCash() { return cash; }
    public void setCash(String v) { cash = v; }
    public String getEpsAmount() { return epsAmount; }
    public void setEpsAmount(String v) { epsAmount = v; }
    public String getEpsRef() { return epsRef; }
    public void setEpsRef(String v) { epsRef = v; }
    public String getPaperKind() { return paperKind; }
    public void setPaperKind(String v) { paperKind = v; }
    public String getPaperAmount() { return paperAmount; }
    public void setPaperAmount(String v) { paperAmount = v; }
    public String getPaperBank() { return paperBank; }
    public void setPaperBank(String v) { paperBank = v; }
    public String getPaperNumber() { return paperNumber; }
    public void setPaperNumber(String v) { paperNumber = v; }
    public String getPaperDate() { return paperDate; }
    public void setPaperDate(String v) { paperDate = v; }
    public String getPaperPayee() { return paperPayee; }
    public void setPaperPayee(String v) { paperPayee = v; }
}
