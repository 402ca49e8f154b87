package hk.post.ecert.counter.domain.model.fee;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.DataFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The effective-dated fee schedule. Published fees come from {@code catalogue/fee-schedule.json} with their
 * source; unpublished fees are items without an entry in force — settings an administrator enters — and any quote
 * that needs one is refused as "fee not set". The schedule never invents an amount.
 */
public final class FeeSchedule {

    public static final String RESOURCE = "/catalogue/fee-schedule.json";

    private final Map<String, FeeItem> items;
    private final List<FeeRate> rates;

    public FeeSchedule(Map<String, FeeItem> items, List<FeeRate> rates) {
        this.items = Map.copyOf(items);
        this.rates = List.copyOf(rates);
    }

    public static FeeSchedule loadDefault() {
        try (InputStream in = FeeSchedule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("fee schedule data file " + RESOURCE + " is missing");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static FeeSchedule load(InputStream in) throws IOException {
        Map<String, Object> root = DataFile.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        Map<String, FeeItem> items = new LinkedHashMap<>();
        List<FeeRate> rates = new ArrayList<>();
        for (Object o : (List<Object>) root.get("items")) {
            Map<String, Object> m = (Map<String, Object>) o;
            String code = (String) m.get("code");
            items.put(code, new FeeItem(code, new Bilingual((String) m.get("en"), (String) m.get("zh")),
                    FeeUnit.valueOf((String) m.get("unit"))));
            for (Object e : (List<Object>) m.get("entries")) {
                Map<String, Object> r = (Map<String, Object>) e;
                rates.add(new FeeRate(code, LocalDate.parse((String) r.get("from")),
                        Money.ofCents(((java.math.BigDecimal) r.get("cents")).longValueExact()),
                        Optional.ofNullable((Number) r.get("years")).map(Number::intValue), (String) r.get("source")));
            }
        }
        return new FeeSchedule(items, rates);
    }

    /** A new schedule with an administrator's entry added (e.g. a fee that was a setting, now entered). */
    public FeeSchedule withRate(FeeRate rate) {
        item(rate.itemCode());
        List<FeeRate> next = new ArrayList<>(rates);
        next.add(rate);
        return new FeeSchedule(items, next);
    }

    /**
     * The schedule as charged (issue 29): only the published rates an administrator has confirmed; an item whose rate
     * is not confirmed is quoted as not set, so nothing is charged on an unchecked figure.
     */
    public FeeSchedule confirmedOnly(List<FeeConfirmation> confirmations) {
        return new FeeSchedule(items, rates.stream().filter(r -> confirmations.stream().anyMatch(c -> c.confirms(r))).toList());
    }

    /** The published rates no confirmation names. */
    public List<FeeRate> unconfirmed(List<FeeConfirmation> confirmations) {
        return rates.stream().filter(r -> confirmations.stream().noneMatch(c -> c.confirms(r))).toList();
    }

    public FeeItem item(String code) {
        FeeItem item = items.get(code);
        if (item == null) {
            throw new NoSuchElementException("no fee item " + code);
        }
        return item;
    }

    public List<FeeItem> items() {
        return items.values().stream().sorted(Comparator.comparing(FeeItem::code)).toList();
    }

    public List<FeeRate> rates() {
        return rates;
    }

    /** The entry in force on {@code date} for an item (and term), if any: the latest that has started. */
    public Optional<FeeRate> rateInForce(String itemCode, Optional<Integer> years, LocalDate date) {
        return rates.stream()
                .filter(r -> r.itemCode().equals(itemCode))
                .filter(r -> r.years().isEmpty() || r.years().equals(years))
                .filter(r -> !r.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(FeeRate::effectiveFrom));
    }

    /**
     * Quotes a renewal of {@code variant} for a term of {@code years}, with {@code additionalUnits} extra servers
     * or names where the variant charges for them, on {@code date}.
     */
    public Quote quoteRenewal(Variant variant, int years, int additionalUnits, LocalDate date) {
        return quote(variant.feeItems(), years, additionalUnits, date);
    }

    /** Quotes an e-Cert (Personal) subscription extension of {@code years} years. */
    public Quote quoteExtension(Variant variant, int years, LocalDate date) {
        String item = variant.extensionFeeItem()
                .orElseThrow(() -> new IllegalArgumentException(variant.code() + " has no subscription extension"));
        return quote(List.of(item), years, 0, date);
    }

    private Quote quote(List<String> itemCodes, int years, int additionalUnits, LocalDate date) {
        List<Quote.Line> lines = new ArrayList<>();
        List<FeeItem> notSet = new ArrayList<>();
        for (String code : itemCodes) {
            FeeItem item = item(code);
            long quantity = switch (item.unit()) {
                case PER_CERTIFICATE, BY_TERM -> 1;
                case PER_YEAR -> years;
                case BY_TERM_PER_UNIT, PER_UNIT -> additionalUnits;
            };
            if (quantity == 0) {
                continue;
            }
            Optional<Integer> term = switch (item.unit()) {
                case BY_TERM, BY_TERM_PER_UNIT -> Optional.of(years);
                default -> Optional.empty();
            };
            Optional<FeeRate> rate = rateInForce(code, term, date);
            if (rate.isEmpty()) {
                notSet.add(item);
            } else {
                Money unit = rate.get().amount();
                lines.add(new Quote.Line(item, quantity, unit, unit.times(quantity), rate.get().source()));
            }
        }
        return new Quote(notSet.isEmpty() ? lines : List.of(), notSet);
    }
}
