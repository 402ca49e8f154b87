package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.fee.FeeConfirmation;
import hk.post.ecert.counter.domain.model.fee.FeeSetting;
import hk.post.ecert.counter.domain.model.fee.FeeSettingRecords;
import hk.post.ecert.counter.domain.model.fee.Money;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Fee settings over JDBC, inside the caller's JTA transaction. */
@ApplicationScoped
public class JdbcFeeSettingRecords implements FeeSettingRecords {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public List<FeeSetting> all() {
        return Rows.of(dataSource).list("SELECT setting_id, item_code, years, effective_from, cents, source, entered_by,"
                + " approved_by, entered_at FROM fee_setting ORDER BY item_code, effective_from, entered_at", rs -> {
                    Integer y = Rows.intOrNull(rs, "years");
                    return new FeeSetting(rs.getString(1), rs.getString(2), Optional.ofNullable(y), rs.getDate(4).toLocalDate(),
                            Money.ofCents(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant());
                });
    }

    @Override
    public void add(FeeSetting s) {
        Rows.of(dataSource).update("INSERT INTO fee_setting (setting_id, item_code, years, effective_from, cents, source,"
                        + " entered_by, approved_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?)",
                s.settingId(), s.itemCode(), s.years().orElse(null), s.effectiveFrom(), s.amount().cents(), s.source(),
                s.enteredBy(), s.approvedBy(), s.enteredAt());
    }

    @Override
    public List<FeeConfirmation> confirmations() {
        return Rows.of(dataSource).list("SELECT item_code, years, effective_from, cents, confirmed_by, confirmed_at FROM fee_confirmation"
                + " ORDER BY item_code, effective_from", rs -> new FeeConfirmation(rs.getString(1),
                rs.getInt(2) == 0 ? Optional.empty() : Optional.of(rs.getInt(2)), rs.getDate(3).toLocalDate(), Money.ofCents(rs.getLong(4)),
                rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    @Override
    public boolean confirm(FeeConfirmation c) {
        if (confirmations().stream().anyMatch(k -> k.itemCode().equals(c.itemCode()) && k.years().equals(c.years())
                && k.effectiveFrom().equals(c.effectiveFrom()) && k.amount().cents() == c.amount().cents())) {
            return false;
        }
        Rows.of(dataSource).update("INSERT INTO fee_confirmation (item_code, years, effective_from, cents, confirmed_by, confirmed_at)"
                + " VALUES (?,?,?,?,?,?)", c.itemCode(), c.years().orElse(0), c.effectiveFrom(), c.amount().cents(), c.confirmedBy(), c.at());
        return true;
    }
}
