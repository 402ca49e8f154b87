package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.fee.FeeRefusal;
import hk.post.ecert.counter.domain.model.fee.FeeSetting;
import hk.post.ecert.counter.application.pos.FeeSettings;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.fee.FeeConfirmation;
import hk.post.ecert.counter.domain.model.fee.FeeItem;
import hk.post.ecert.counter.domain.model.fee.FeeRate;
import hk.post.ecert.counter.domain.model.fee.FeeSchedule;
import hk.post.ecert.counter.domain.model.fee.FeeUnit;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Administrator's screen: every fee item with the figure in force today and where it comes from; fees HKPCA has
 * not published are entered here as settings, each approved by a supervisor who re-authenticates on the spot.
 */
@Named
@ViewScoped
public class FeeDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FeeSettings settings;

    @Inject
    PointOfSale pos;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String settingId = PointOfSale.newId("FEE");
    private String itemCode;
    private Integer years;
    private String effectiveFrom;
    private String amount;
    private String source;
    private String approver;
    private String approverPassword;

    /** One row of the schedule as it stands today. */
    public record Row(FeeItem item, String unit, Optional<FeeRate> rate, boolean published) {
        public String amountText() {
            return rate.map(r -> r.amount().toString()).orElse("");
        }

        public String sourceText() {
            return rate.map(FeeRate::source).orElse("");
        }
    }

    public List<Row> getRows() {
        FeeSchedule s = settings.schedule();
        FeeSchedule published = settings.published();
        LocalDate today = pos.today();
        List<Row> rows = new ArrayList<>();
        for (FeeItem item : s.items()) {
            boolean byTerm = item.unit() == FeeUnit.BY_TERM || item.unit() == FeeUnit.BY_TERM_PER_UNIT;
            boolean pub = published.rates().stream().anyMatch(r -> r.itemCode().equals(item.code()));
            if (byTerm) {
                for (int y = 1; y <= 3; y++) {
                    Optional<FeeRate> r = s.rateInForce(item.code(), Optional.of(y), today);
                    if (r.isPresent() || !pub) {
                        rows.add(new Row(item, y + (language.isChinese() ? " 年" : (y == 1 ? " year" : " years")), r, pub));
                    }
                }
            } else {
                rows.add(new Row(item, Screens.text(language.getLocale(), "fee.unit." + item.unit()),
                        s.rateInForce(item.code(), Optional.empty(), today), pub));
            }
        }
        return rows;
    }

    /** A published rate as the data file gives it, and the administrator's confirmation of it, if any (issue 29). */
    public record PublishedRow(FeeItem item, FeeRate rate, Optional<FeeConfirmation> confirmation) {
        public String yearsText() {
            return rate.years().map(String::valueOf).orElse("");
        }

        public String confirmedText() {
            return confirmation.map(c -> c.confirmedBy() + " · " + c.at().toString().substring(0, 16).replace('T', ' ')).orElse("");
        }
    }

    public List<PublishedRow> getPublished() {
        FeeSchedule published = settings.published();
        return published.rates().stream().map(r -> new PublishedRow(published.item(r.itemCode()), r, settings.confirmationOf(r))).toList();
    }

    /** An administrator confirms a published rate against its source: from then it is charged. */
    public void confirm(String itemCode, String yearsText, String from) {
        if (!staff.hasRole("ADMIN")) {
            Screens.error(Screens.text(language.getLocale(), "fee.confirmAdminOnly"));
            return;
        }
        try {
            Optional<Integer> y = yearsText == null || yearsText.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(yearsText));
            settings.confirm(itemCode, y, LocalDate.parse(from), staff.getUsername());
            Screens.info(Screens.text(language.getLocale(), "fee.confirmed", itemCode));
        } catch (FeeRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    /** The items an administrator may enter: those HKPCA has not published. */
    public List<FeeItem> getSettable() {
        FeeSchedule published = settings.published();
        return published.items().stream()
                .filter(i -> published.rates().stream().noneMatch(r -> r.itemCode().equals(i.code()))).toList();
    }

    public List<FeeSetting> getEntries() {
        return settings.settings();
    }

    public String getNextSettingId() {
        return settingId;
    }

    public void enter() {
        String id = Screens.param("settingId");
        if (id == null || !id.equals(settingId)) {
            return;
        }
        try {
            LocalDate from;
            try {
                from = effectiveFrom == null || effectiveFrom.isBlank() ? pos.today() : LocalDate.parse(effectiveFrom.trim());
            } catch (DateTimeParseException e) {
                Screens.error(Screens.text(language.getLocale(), "fee.badDate", effectiveFrom));
                return;
            }
            FeeSetting s = settings.enter(id, itemCode, Optional.ofNullable(years), from,
                    Screens.money(amount, language.getLocale()), source, staff.getUsername(), approver,
                    approverPassword == null ? new char[0] : approverPassword.toCharArray());
            Screens.info(Screens.text(language.getLocale(), "fee.entered", s.itemCode(), s.amount().toString(),
                    s.effectiveFrom().toString(), s.approvedBy()));
            settingId = PointOfSale.newId("FEE");
            amount = null;
            source = null;
            years = null;
            approver = null;
        } catch (FeeRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        } catch (IllegalArgumentException e) {
            Screens.error(e.getMessage());
        } finally {
            approverPassword = null;
        }
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public Integer getYears() {
        return years;
    }

    public void setYears(Integer years) {
        this.years = years;
    }

    public String getEffectiveFrom() {
        return effectiveFrom == null ? pos.today().toString() : effectiveFrom;
    }

    public void setEffectiveFrom(String effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getApprover() {
        return approver;
    }

    public void setApprover(String approver) {
        this.approver = approver;
    }

    public String getApproverPassword() {
        return approverPassword;
    }

    public void setApproverPassword(String approverPassword) {
        this.approverPassword = approverPassword;
    }
}
