package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.pos.FeeSettings;
import hk.post.ecert.counter.domain.model.fee.FeeItem;
import hk.post.ecert.counter.domain.model.fee.FeeRate;
import hk.post.ecert.counter.domain.model.fee.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * What a clerk's screen says of a fee that cannot be charged (issue 29): "fee not set" for an item HKPCA has not
 * published and nobody entered; for a published fee an administrator has not yet confirmed, that it is not confirmed,
 * with the published figure and its source.
 */
@ApplicationScoped
public class FeeTexts {

    @Inject
    FeeSettings settings;

    /** The amount of a quote, or why there is none. */
    public String totalOrWhy(Quote q, Language language) {
        if (q.isSet()) {
            return q.total().toString();
        }
        List<FeeRate> unconfirmed = settings.unconfirmed();
        for (FeeItem item : q.notSet()) {
            Optional<FeeRate> r = unconfirmed.stream().filter(u -> u.itemCode().equals(item.code())).findFirst();
            if (r.isPresent()) {
                return item.name().in(language.getLocale()) + ": " + Screens.text(language.getLocale(), "fee.notConfirmedForClerk",
                        r.get().amount().toString(), r.get().source());
            }
        }
        return Screens.text(language.getLocale(), "subscriber.feeNotSet");
    }
}
