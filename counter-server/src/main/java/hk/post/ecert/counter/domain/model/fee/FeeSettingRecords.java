package hk.post.ecert.counter.domain.model.fee;

import java.util.List;

/** Where the fee settings are kept; an entry is added once and never changed. */
public interface FeeSettingRecords {

    /** Every entry, by item, start date and entry time. */
    List<FeeSetting> all();

    void add(FeeSetting s);

    /** Every administrator's confirmation of a published fee. */
    List<FeeConfirmation> confirmations();

    /** Records a confirmation; false when that rate was confirmed already (the first stands). */
    boolean confirm(FeeConfirmation c);
}
