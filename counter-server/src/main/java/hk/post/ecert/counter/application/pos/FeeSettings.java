package hk.post.ecert.counter.application.pos;

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

    public FeeSchedule schedule() {
        return FeeSetting.schedule(published, records.all());
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
