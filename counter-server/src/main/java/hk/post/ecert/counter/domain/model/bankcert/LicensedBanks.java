package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.DataFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The maintained list of Licensed Banks, as data: {@code catalogue/licensed-banks.json} by default, or a file an
 * operator keeps current from the HKMA register ({@code counter.banks.file}).
 */
public final class LicensedBanks {

    public static final String RESOURCE = "/catalogue/licensed-banks.json";

    private final List<LicensedBank> banks;
    private final String source;

    public LicensedBanks(List<LicensedBank> banks, String source) {
        this.banks = List.copyOf(banks);
        this.source = source;
    }

    public static LicensedBanks loadDefault() {
        try (InputStream in = LicensedBanks.class.getResourceAsStream(RESOURCE)) {
            return load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LicensedBanks load(Path file) throws IOException {
        return load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static LicensedBanks load(String json) {
        Map<String, Object> root = DataFile.readObject(json);
        List<LicensedBank> list = new ArrayList<>();
        for (Object o : (List<Object>) root.get("banks")) {
            Map<String, Object> b = (Map<String, Object>) o;
            list.add(new LicensedBank((String) b.get("code"), new Bilingual((String) b.get("en"), (String) b.get("zh")),
                    (String) b.get("br"), (String) b.get("address"), !Boolean.FALSE.equals(b.get("listed"))));
        }
        return new LicensedBanks(list, String.valueOf(root.get("source")));
    }

    public List<LicensedBank> all() {
        return banks;
    }

    public String source() {
        return source;
    }

    public Optional<LicensedBank> byCode(String code) {
        String c = code == null ? "" : code.trim();
        return banks.stream().filter(b -> b.code().equals(c)).findFirst();
    }

    /** Banks whose code, BR number or name (either language) contains {@code text}. */
    public List<LicensedBank> search(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return banks;
        }
        return banks.stream().filter(b -> b.code().equals(t) || b.brNumber().equals(t)
                || b.name().en().toUpperCase(Locale.ROOT).contains(t) || b.name().zh().contains(text.trim())).toList();
    }
}
