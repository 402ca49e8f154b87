package hk.post.ecert.devices.token;

import hk.post.ecert.devices.wire.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A token model, kept as data ({@code token-profiles.json}): which medium it is, the PKCS#11 module library that
 * drives it, its brand (Mutual Recognition forms follow the brand), or the file name on an e-Cert File medium.
 */
public record TokenProfile(String id, String name, Medium medium, String module, String brand, String fileName,
                           List<String> manufacturers) {

    public enum Medium { PKCS11, PKCS12 }

    public TokenProfile {
        manufacturers = List.copyOf(manufacturers);
    }

    /** A profile that accepts any token its module drives (no brand to check). */
    public TokenProfile(String id, String name, Medium medium, String module, String brand, String fileName) {
        this(id, name, medium, module, brand, fileName, List.of());
    }

    /**
     * Whether a token reporting this manufacturer and model (PKCS#11 {@code CK_TOKEN_INFO}) is of this profile's brand:
     * a branded profile names the marks its tokens report (e.g. SafeNet, Gemalto or Thales for a SafeNet eToken);
     * a profile without a brand takes any token.
     */
    public boolean acceptsToken(String manufacturerId, String model) {
        if (brand.isEmpty()) {
            return true;
        }
        String said = ((manufacturerId == null ? "" : manufacturerId) + " " + (model == null ? "" : model)).toLowerCase(java.util.Locale.ROOT);
        return manufacturers.stream().anyMatch(m -> said.contains(m.toLowerCase(java.util.Locale.ROOT)));
    }

    private static final String RESOURCE = "/hk/post/ecert/devices/token/token-profiles.json";

    @SuppressWarnings("unchecked")
    public static List<TokenProfile> all() {
        try (InputStream in = TokenProfile.class.getResourceAsStream(RESOURCE)) {
            Map<String, Object> root = Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<TokenProfile> out = new ArrayList<>();
            for (Object o : (List<Object>) root.get("profiles")) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new TokenProfile((String) m.get("id"), (String) m.get("name"), Medium.valueOf((String) m.get("medium")),
                        (String) m.getOrDefault("module", ""), (String) m.getOrDefault("brand", ""),
                        (String) m.getOrDefault("fileName", ""),
                        ((List<Object>) m.getOrDefault("manufacturers", List.of())).stream().map(String::valueOf).toList()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TokenProfile byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no token profile " + id));
    }
}
