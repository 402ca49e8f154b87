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
public record TokenProfile(String id, String name, Medium medium, String module, String brand, String fileName) {

    public enum Medium { PKCS11, PKCS12 }

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
                        (String) m.getOrDefault("fileName", "")));
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
