package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.FeeItem;
import hk.post.ecert.counter.domain.model.fee.FeeRate;
import hk.post.ecert.counter.domain.model.fee.FeeSchedule;
import hk.post.ecert.counter.domain.model.fee.FeeUnit;
import hk.post.ecert.counter.domain.model.fee.Money;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Fee settings on the counter database: the published schedule plus the entries an administrator made for fees
 * HKPCA has not published, each approved by a second person. Plain JDBC inside the caller's transaction.
 * Entries are never changed; a later start date supersedes. An entry id is chosen before the first submit, so a
 * repeat is answered with the first outcome.
 */
public final class FeeBook {

    private final FeeSchedule published;

    public FeeBook(FeeSchedule published) {
        this.published = published;
    }

    /** One administrator's entry. */
    public record Setting(String settingId, String itemCode, Optional<Integer> years, LocalDate effectiveFrom, Money amount,
                          String source, String enteredBy, String approvedBy, Instant enteredAt) {

        public String yearsText() {
            return years.map(String::valueOf).orElse("");
        }

        FeeRate rate() {
            return new FeeRate(itemCode, effectiveFrom, amount, years,
                    source + " (entered by " + enteredBy + ", approved by " + approvedBy + ")");
        }
    }

    /** Why a fee entry was not made, in both languages; nothing was changed. */
    public static final class FeeRefusal extends RuntimeException {
        private final Bilingual message;

        FeeRefusal(String en, String zh) {
            super(en);
            this.message = new Bilingual(en, zh);
        }

        public Bilingual bilingual() {
            return message;
        }
    }

    /** The schedule in force: published rates and every approved entry. */
    public FeeSchedule schedule(Connection c) throws SQLException {
        FeeSchedule s = published;
        for (Setting e : settings(c)) {
            s = s.withRate(e.rate());
        }
        return s;
    }

    public List<Setting> settings(Connection c) throws SQLException {
        List<Setting> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_id, item_code, years, effective_from, cents, source, "
                + "entered_by, approved_by, entered_at FROM fee_setting ORDER BY item_code, effective_from, entered_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int y = rs.getInt(3);
                Optional<Integer> years = rs.wasNull() ? Optional.empty() : Optional.of(y);
                out.add(new Setting(rs.getString(1), rs.getString(2), years, rs.getDate(4).toLocalDate(),
                        Money.ofCents(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()));
            }
        }
        return out;
    }

    /**
     * Enters a fee that is a setting. Refused: a published item (its figure comes from HKPCA's schedule), an unknown
     * item, a term where the item has none or none where it needs one, a zero amount, a start date in the past (a
     * sale already made is never repriced), no source, an approver who is the person entering it, and a second
     * entry for the same item, term and start date.
     */
    public Setting enter(Connection c, String settingId, String itemCode, Optional<Integer> years, LocalDate effectiveFrom,
                         Money amount, String source, String enteredBy, String approvedBy, LocalDate today) throws SQLException {
        Optional<Setting> earlier = settings(c).stream().filter(s -> s.settingId().equals(settingId)).findFirst();
        if (earlier.isPresent()) {
            Setting e = earlier.get();
            if (!e.itemCode().equals(itemCode) || !e.years().equals(years) || !e.effectiveFrom().equals(effectiveFrom)
                    || e.amount().cents() != amount.cents()) {
                throw new FeeRefusal("This entry id was already used for a different fee.", "此記錄編號已用於另一項費用。");
            }
            return e;
        }
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
        boolean clash = settings(c).stream().anyMatch(s -> s.itemCode().equals(itemCode) && s.years().equals(years)
                && s.effectiveFrom().equals(effectiveFrom));
        if (clash) {
            throw new FeeRefusal("This fee already has an entry from " + effectiveFrom + "; enter a later start date.",
                    "此費用已有由 " + effectiveFrom + " 起生效的記錄；請輸入較後的生效日期。");
        }
        Setting s = new Setting(settingId, itemCode, years, effectiveFrom, amount, source.trim(), enteredBy, approvedBy,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fee_setting (setting_id, item_code, years, effective_from, "
                + "cents, source, entered_by, approved_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.settingId());
            ps.setString(2, itemCode);
            if (years.isPresent()) {
                ps.setInt(3, years.get());
            } else {
                ps.setNull(3, Types.INTEGER);
            }
            ps.setDate(4, Date.valueOf(effectiveFrom));
            ps.setLong(5, amount.cents());
            ps.setString(6, s.source());
            ps.setString(7, enteredBy);
            ps.setString(8, approvedBy);
            ps.setTimestamp(9, Timestamp.from(s.enteredAt()));
            ps.executeUpdate();
        }
        return s;
    }
}
