package hk.post.ecert.counter.domain.model.fee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A fee HKPCA has not published, entered by an administrator and approved by a second person. Entries are never
 * changed; a later start date supersedes. An entry id is chosen before the first submit, so a repeat is answered
 * with the first entry.
 */
public record FeeSetting(String settingId, String itemCode, Optional<Integer> years, LocalDate effectiveFrom, Money amount,
                         String source, String enteredBy, String approvedBy, Instant enteredAt) {

    public String yearsText() {
        return years.map(String::valueOf).orElse("");
    }

    public FeeRate rate() {
        return new FeeRate(itemCode, effectiveFrom, amount, years,
                source + " (entered by " + enteredBy + ", approved by " + approvedBy + ")");
    }

    /** The schedule in force: the published rates and every approved entry. */
    public static FeeSchedule schedule(FeeSchedule published, List<FeeSetting> settings) {
        FeeSchedule s = published;
        for (FeeSetting e : settings) {
            s = s.withRate(e.rate());
        }
        return s;
    }

    /** A repeat of an entry id: the first entry when it is the same fee, refused when it is another. */
    public static Optional<FeeSetting> repeatOf(List<FeeSetting> settings, String settingId, String itemCode,
                                                Optional<Integer> years, LocalDate effectiveFrom, Money amount) {
        Optional<FeeSetting> earlier = settings.stream().filter(s -> s.settingId().equals(settingId)).findFirst();
        if (earlier.isPresent()) {
            FeeSetting e = earlier.get();
            if (!e.itemCode().equals(itemCode) || !e.years().equals(years) || !e.effectiveFrom().equals(effectiveFrom)
                    || e.amount().cents() != amount.cents()) {
                throw new FeeRefusal("This entry id was already used for a different fee.", "此記錄編號已用於另一項費用。");
            }
        }
        return earlier;
    }

    /**
     * A new entry. Refused: a published item (its figure comes from HKPCA's schedule), an unknown item, a term where
     * the item has none or none where it needs one, a zero amount, a start date in the past (a sale already made is
     * never repriced), no source, an approver who is the person entering it, and a second entry for the same item,
     * term and start date.
     */
    public static FeeSetting enter(FeeSchedule published, List<FeeSetting> settings, String settingId, String itemCode,
                                   Optional<Integer> years, LocalDate effectiveFrom, Money amount, String source,
                                   String enteredBy, String approvedBy, LocalDate today, Instant at) {
        FeeItem item;
        try {
            item = published.item(itemCode);
        } catch (NoSuchElementException e) {
            throw new FeeRefusal("There is no fee item " + itemCode + ".", "沒有費用項目 " + itemCode + "。");
        }
        if (published.rates().stream().anyMatch(r -> r.itemCode().equals(itemCode))) {
            throw new FeeRefusal(item.name().en() + " is published by HKPCA; its figure comes from the fee schedule, not a setting.",
                    item.name().zh() + " 已由香港郵政核證機關公布，費用以收費表為準，不可設定。");
        }
        boolean byTerm = item.unit() == FeeUnit.BY_TERM || item.unit() == FeeUnit.BY_TERM_PER_UNIT;
        if (byTerm && years.isEmpty()) {
            throw new FeeRefusal(item.name().en() + " is priced by term: say for how many years.",
                    item.name().zh() + " 按年期收費：請填寫年期。");
        }
        if (!byTerm && years.isPresent()) {
            throw new FeeRefusal(item.name().en() + " is not priced by term: leave the years empty.",
                    item.name().zh() + " 不按年期收費：年期請留空。");
        }
        if (years.isPresent() && (years.get() < 1 || years.get() > 3)) {
            throw new FeeRefusal("A term is 1, 2 or 3 years.", "年期為一、二或三年。");
        }
        if (amount.cents() <= 0) {
            throw new FeeRefusal("A fee must be more than HK$0.00.", "費用必須多於港幣 0.00 元。");
        }
        if (effectiveFrom == null || effectiveFrom.isBefore(today)) {
            throw new FeeRefusal("A fee takes effect today or later; sales already made are never repriced.",
                    "費用只可由今日或以後生效；已完成的交易不會重新定價。");
        }
        if (source == null || source.isBlank()) {
            throw new FeeRefusal("Say where the figure comes from (the notice or instruction).",
                    "請註明費用的出處（通告或指示）。");
        }
        if (approvedBy.equals(enteredBy)) {
            throw new FeeRefusal("A second person must approve a fee; you cannot approve your own entry.",
                    "費用須由另一人批核；不可批核自己輸入的費用。");
        }
        boolean clash = settings.stream().anyMatch(s -> s.itemCode().equals(itemCode) && s.years().equals(years)
                && s.effectiveFrom().equals(effectiveFrom));
        if (clash) {
            throw new FeeRefusal("This fee already has an entry from " + effectiveFrom + "; enter a later start date.",
                    "此費用已有由 " + effectiveFrom + " 起生效的記錄；請輸入較後的生效日期。");
        }
        return new FeeSetting(settingId, itemCode, years, effectiveFrom, amount, source.trim(), enteredBy, approvedBy, at);
    }
}
