package hk.post.ecert.journal.receipt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published receipt keys, as the counter serves them at {@code /api/receipt-keys} and an auditor keeps them: one
 * line per key, {@code <key id> ACTIVE|RETIRED <base64 X.509 Ed25519 public key>}; lines starting with '#' are comments.
 * A retired key no longer signs but still verifies what it signed.
 */
public final class ReceiptKeyring {

    /** One published key. */
    public record Key(String id, PublicKey publicKey, boolean retired) {
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    public ReceiptKeyring(List<Key> keys) {
        keys.forEach(k -> this.keys.put(k.id(), k));
    }

    public Optional<Key> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public List<Key> keys() {
        return List.copyOf(keys.values());
    }

    public static ReceiptKeyring parse(String text) {
        List<Key> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 3 || !(f[1].equals("ACTIVE") || f[1].equals("RETIRED"))) {
                throw new IllegalArgumentException("not a receipt key line: " + l);
            }
            out.add(new Key(f[0], publicKey(f[2]), f[1].equals("RETIRED")));
        }
        return new ReceiptKeyring(out);
    }

    public String format() {
        StringBuilder b = new StringBuilder("# e-Cert Counter receipt keys: <key id> <status> <Ed25519 public key, X.509 base64>\n");
        keys.values().forEach(k -> b.append(k.id()).append(' ').append(k.retired() ? "RETIRED" : "ACTIVE").append(' ')
                .append(Base64.getEncoder().encodeToString(k.publicKey().getEncoded())).append('\n'));
        return b.toString();
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
