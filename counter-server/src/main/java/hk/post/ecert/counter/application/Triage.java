package hk.post.ecert.counter.application;

import hk.post.ecert.counter.application.pos.FeeSettings;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.FeeItem;
import hk.post.ecert.counter.domain.model.fee.FeeSchedule;
import hk.post.ecert.counter.domain.model.fee.Quote;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Triage at the counter: for a certificate type and variant, what this counter can do — the channel, the forms,
 * the documents to collect, who must attend, the fee (or "fee not set"), and for a referral, where to go.
 */
@ApplicationScoped
public class Triage {

    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final Catalogue catalogue = Catalogue.loadDefault();
    @jakarta.inject.Inject
    FeeSettings settings;

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The schedule in force now: published fees and the settings an administrator entered. */
    public FeeSchedule fees() {
        return settings.schedule();
    }

    public Result triage(String typeCode, String variantCode, Integer years) {
        CertificateType type = catalogue.type(typeCode);
        Variant variant = type.variant(variantCode);
        int term = years != null && variant.validityYears().contains(years) ? years
                : variant.validityYears().isEmpty() ? 0 : variant.validityYears().get(0);
        Optional<Quote> quote = type.channel() == Channel.REFERRAL || variant.feeItems().isEmpty() ? Optional.empty()
                : Optional.of(fees().quoteRenewal(variant, term, 0, LocalDate.now(HONG_KONG)));
        return new Result(type, variant, type.channel(), term, quote);
    }

    /** The triage outcome shown to the clerk. */
    public record Result(CertificateType type, Variant variant, Channel channel, int years, Optional<Quote> quote) {

        public boolean referral() {
            return channel == Channel.REFERRAL;
        }

        public String forms() {
            return String.join(", ", variant.forms());
        }

        public String sections() {
            return String.join(", ", variant.sections());
        }

        public boolean feeSet() {
            return quote.map(Quote::isSet).orElse(false);
        }

        public List<Bilingual> notSetItems() {
            return quote.map(q -> q.notSet().stream().map(FeeItem::name).toList()).orElse(List.of());
        }
    }
}
