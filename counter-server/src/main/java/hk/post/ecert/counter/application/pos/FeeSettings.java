package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.domain.model.fee.FeeConfirmation;
import hk.post.ecert.counter.domain.model.fee.FeeRate;
import hk.post.ecert.counter.domain.model.fee.FeeRefusal;
import hk.post.ecert.counter.domain.model.fee.FeeSchedule;
import hk.post.ecert.counter.domain.model.fee.FeeSetting;
import hk.post.ecert.counter.domain.model.fee.FeeSettingRecords;
import hk.post.ecert.counter.domain.model.fee.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The fee schedule in force: HKPCA's published figures, plus the fees an administrator entered as settings (each
 * approved by a supervisor who re-authenticates). Read from the database on each quote, so every instance of the
 * counter service charges the same.
 */
@ApplicationScoped
public class FeeSettings {

    private static final Logger LOG = Logger.getLogger(FeeSettings.class.getName());

    private final FeeSchedule published = FeeSchedule.loadDefault();

    @Inject
    FeeSettingRecords records;

    @Inject
    PointOfSale pos;

    /** HKPCA's published schedule, as loaded from the data file (no settings). */
    public FeeSchedule published() {
        return published;
    }

    /**
     * The schedule charged: the published rates an administrator confirmed (issue 29), and every approved setting. A
     * published rate not yet confirmed is quoted as not set.
     */
    public FeeSchedule schedule() {
        return FeeSetting.schedule(published.confirmedOnly(records.confirmations()), records.all());
    }

    @Inject
    CounterJournal journal;

    /** The published rates not yet confirmed by an administrator (shown to the clerk and on the fee screen). */
    public List<FeeRate> unconfirmed() {
        return published.unconfirmed(records.confirmations());
    }

    /** Who confirmed a published rate, if anyone. */
    public Optional<FeeConfirmation> confirmationOf(FeeRate rate) {
        return records.confirmations().stream().filter(c -> c.confirms(rate)).findFirst();
    }

    /**
     * An administrator confirms a published rate — item, term, start date and amount as the data file gives them —
     * against its source: from then it is charged. Journalled; a repeat changes nothing.
     */
    @Transactional
    public void confirm(String itemCode, Optional<Integer> years, LocalDate effectiveFrom, String administrator) {
        FeeRate rate = published.rates().stream().filter(r -> r.itemCode().equals(itemCode) && r.years().equals(years)
                        && r.effectiveFrom().equals(effectiveFrom)).findFirst()
                .orElseThrow(() -> new FeeRefusal("There is no published fee " + itemCode + " from " + effectiveFrom + ".",
                        "沒有由 " + effectiveFrom + " 起生效的已公布費用 " + itemCode + "。"));
        if (records.confirm(FeeConfirmation.of(rate, administrator, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))) {
            java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("item", rate.itemCode());
            e.put("years", rate.years().map(String::valueOf).orElse(""));
            e.put("from", rate.effectiveFrom().toString());
            e.put("cents", rate.amount().cents());
            e.put("source", rate.source());
            journal.record(administrator, "FEE_CONFIRMED", e);
            LOG.info(() -> "published fee " + rate.itemCode() + rate.years().map(y -> " " + y + "y").orElse("") + " " + rate.amount()
                    + " from " + rate.effectiveFrom() + " confirmed by " + administrator);
        }
    }

    public List<FeeSetting> settings() {
        return records.all();
    }

    /** Enters an unpublished fee, approved by {@code approver} who re-authenticates with {@code password}. */
    @Transactional
    public FeeSetting enter(String settingId, String itemCode, Optional<Integer> years, LocalDate effectiveFrom,
                                 Money amount, String source, String enteredBy, String approver, char[] password) {
        String approvedBy = pos.authenticateSupervisor(approver, password);
        List<FeeSetting> all = records.all();
        Optional<FeeSetting> repeat = FeeSetting.repeatOf(all, settingId, itemCode, years, effectiveFrom, amount);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        FeeSetting s = FeeSetting.enter(published, all, settingId, itemCode, years, effectiveFrom, amount, source, enteredBy,
                approvedBy, pos.today(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        records.add(s);
        LOG.info(() -> "fee setting " + s.settingId() + ": " + s.itemCode() + s.years().map(y -> " " + y + "y").orElse("")
                + " " + s.amount() + " from " + s.effectiveFrom() + " entered by " + s.enteredBy() + ", approved by "
                + s.approvedBy());
        return s;
    }
}
