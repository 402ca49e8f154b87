package hk.post.ecert.counter.domain.model.catalogue;

import hk.post.ecert.counter.domain.model.DataFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The certificate catalogue: the eleven types, their variants, channels, forms and rules, loaded from
 * {@code catalogue/catalogue.json}. The rules that depend only on the catalogue live here; rules that need a
 * subscriber's certificate build on them.
 */
public final class Catalogue {

    public static final String RESOURCE = "/catalogue/catalogue.json";

    private final List<CertificateType> types;

    public Catalogue(List<CertificateType> types) {
        this.types = List.copyOf(types);
    }

    public static Catalogue loadDefault() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalogue data file " + RESOURCE + " is missing");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Catalogue load(InputStream in) throws IOException {
        Map<String, Object> root = DataFile.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        List<CertificateType> types = new ArrayList<>();
        for (Object t : (List<Object>) root.get("types")) {
            Map<String, Object> m = (Map<String, Object>) t;
            List<Variant> variants = new ArrayList<>();
            for (Object v : (List<Object>) m.get("variants")) {
                variants.add(variant((Map<String, Object>) v));
            }
            types.add(new CertificateType(str(m, "row"), str(m, "code"), bilingual(m), Channel.valueOf(str(m, "channel")),
                    m.get("attendee") instanceof Map<?, ?> a ? bilingual((Map<String, Object>) a) : Bilingual.NONE,
                    Optional.ofNullable((Number) m.get("renewalWindowDays")).map(Number::intValue),
                    Optional.ofNullable((Number) m.get("renewalAdviceDays")).map(Number::intValue),
                    str(m, "ca"), Boolean.TRUE.equals(m.get("csrAfterApproval")), variants));
        }
        return new Catalogue(types);
    }

    @SuppressWarnings("unchecked")
    private static Variant variant(Map<String, Object> v) {
        Optional<Referral> referral = Optional.empty();
        if (v.get("referral") instanceof Map<?, ?> r) {
            Map<String, Object> rm = (Map<String, Object>) r;
            referral = Optional.of(new Referral(bilingual(rm), str(rm, "url")));
        }
        List<Integer> years = new ArrayList<>();
        for (Object y : list(v, "validityYears")) {
            years.add(((Number) y).intValue());
        }
        return new Variant(str(v, "code"), bilingual(v), strings(v, "forms"), strings(v, "sections"), years,
                intOr(v, "subscriptionYears", 0), strings(v, "feeItems"),
                Optional.ofNullable((String) v.get("extensionFeeItem")), strings(v, "media"), str(v, "ca"),
                strings(v, "documents"), Optional.ofNullable((String) v.get("tokenBrand")).map(TokenBrand::valueOf),
                Boolean.TRUE.equals(v.get("requiresExistingAeoi")), intOr(v, "maxNames", 0),
                Boolean.TRUE.equals(v.get("wildcard")), intOr(v, "maxCertificateDays", 0), referral);
    }

    public List<CertificateType> types() {
        return types;
    }

    public CertificateType type(String code) {
        return types.stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no certificate type " + code));
    }

    public Channel channelFor(String typeCode) {
        return type(typeCode).channel();
    }

    /**
     * Rule 6: a Mutual Recognition certificate's variant (and so its form, -S or -F) follows the brand of the
     * customer's token.
     */
    public Variant mutualRecognitionVariantFor(String typeCode, TokenBrand brand) {
        return type(typeCode).variants().stream()
                .filter(v -> v.tokenBrand().filter(brand::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(typeCode + " has no Mutual Recognition variant for " + brand));
    }

    /**
     * Rule 3: is a renewal of a certificate expiring on {@code expiry} accepted on {@code today}? Each type has its own
     * window, counted in days before expiry: the catalogue's (Personal: 3 weeks), replaced by {@code typeSetting} when an
     * operator sets one for that type. A type without a window is renewed any day before expiry; its advice (organisational
     * types: at least a month ahead) is what the clerk tells the customer, not a refusal. Types not renewed by Hongkong
     * Post (referrals) have no window.
     */
    public RenewalWindow renewalWindowFor(String typeCode, LocalDate expiry, LocalDate today, Optional<Integer> typeSetting) {
        CertificateType type = type(typeCode);
        if (type.channel() == Channel.REFERRAL) {
            return new RenewalWindow(RenewalWindow.Position.NO_WINDOW, null, expiry, null);
        }
        Optional<Integer> days = typeSetting.or(type::renewalWindowDays);
        LocalDate opens = days.map(expiry::minusDays).orElse(null);
        LocalDate adviseBy = type.renewalAdviceDays().map(expiry::minusDays).orElse(null);
        if (today.isAfter(expiry)) {
            return new RenewalWindow(RenewalWindow.Position.EXPIRED, opens, expiry, adviseBy);
        }
        if (opens != null && today.isBefore(opens)) {
            return new RenewalWindow(RenewalWindow.Position.NOT_YET_OPEN, opens, expiry, adviseBy);
        }
        return new RenewalWindow(RenewalWindow.Position.OPEN, opens, expiry, adviseBy);
    }

    /**
     * Rule 5: only an existing e-Cert (Organisational) with AEOI functions can be renewed with AEOI. Adding AEOI to
     * a certificate without it is a new application (CPos 798F + CPos 798FA), not a renewal.
     */
    public AeoiDecision aeoiRenewal(String typeCode, String requestedVariant, boolean existingHasAeoi) {
        Variant v = type(typeCode).variant(requestedVariant);
        if (v.requiresExistingAeoi() && !existingHasAeoi) {
            return AeoiDecision.NEW_APPLICATION_REQUIRED;
        }
        if (!v.requiresExistingAeoi() && existingHasAeoi) {
            return AeoiDecision.RENEW_AS_AEOI;
        }
        return AeoiDecision.RENEWAL_ALLOWED;
    }

    /** The outcome of rule 5 for a requested renewal. */
    public enum AeoiDecision {
        RENEWAL_ALLOWED,
        /** The existing certificate has AEOI functions: renew it with the AEOI variant. */
        RENEW_AS_AEOI,
        /** Adding AEOI is a new application (CPos 798F + CPos 798FA), not a renewal. */
        NEW_APPLICATION_REQUIRED
    }

    private static Bilingual bilingual(Map<String, Object> m) {
        return new Bilingual(str(m, "en"), str(m, "zh"));
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    private static int intOr(Map<String, Object> m, String key, int dflt) {
        Object v = m.get(key);
        return v == null ? dflt : ((Number) v).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Object>) v;
    }

    private static List<String> strings(Map<String, Object> m, String key) {
        return list(m, key).stream().map(Object::toString).toList();
    }
}
