package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.devices.wire.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Post offices by code, with their names in both languages, from {@code catalogue/offices.json}. */
public final class Offices {

    private static final Map<String, Bilingual> NAMES = load();

    private Offices() {
    }

    /** The office's name; an unknown code is shown as itself rather than refused. */
    public static Bilingual name(String code) {
        return NAMES.getOrDefault(code, new Bilingual(code, code));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Bilingual> load() {
        try (InputStream in = Offices.class.getResourceAsStream("/catalogue/offices.json")) {
            Map<String, Object> root = Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Bilingual> out = new LinkedHashMap<>();
            for (Object o : (List<Object>) root.get("offices")) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.put((String) m.get("code"), new Bilingual((String) m.get("en"), (String) m.get("zh")));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
