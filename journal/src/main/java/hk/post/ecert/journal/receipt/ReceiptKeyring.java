package hk.post.ecert.journal.receipt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published receipt keys, as the counter serves them at {@code /api/receipt-keys} and an auditor keeps them: one
 * line per key, {@code <key id> ACTIVE|RETIRED|COMPROMISED <base64 X.509 Ed25519 public key> [retired=<instant>]
 * [compromised-from=<instant>]}; lines starting with '#' are comments. A retired key no longer signs but still verifies
 * what it signed before it was retired; a statement dated after that is refused. A compromised key verifies nothing it
 * signed from the time it may have leaked (issue 31).
 */
public final class ReceiptKeyring {

    /** One published key. */
    public record Key(String id, PublicKey publicKey, boolean retired, Instant retiredAt, Instant compromisedFrom) {

        public Key(String id, PublicKey publicKey, boolean retired) {
            this(id, publicKey, retired, null, null);
        }

        public String status() {
            return compromisedFrom != null ? "COMPROMISED" : retired ? "RETIRED" : "ACTIVE";
        }
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
            if (f.length < 3 || !(f[1].equals("ACTIVE") || f[1].equals("RETIRED") || f[1].equals("COMPROMISED"))) {
                throw new IllegalArgumentException("not a receipt key line: " + l);
            }
            Instant retiredAt = null;
            Instant compromisedFrom = null;
            for (int i = 3; i < f.length; i++) {
                try {
                    if (f[i].startsWith("retired=")) {
                        retiredAt = Instant.parse(f[i].substring(8));
                    } else if (f[i].startsWith("compromised-from=")) {
                        compromisedFrom = Instant.parse(f[i].substring(17));
                    } else {
                        throw new IllegalArgumentException("not a receipt key line: " + l);
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("not a receipt key line: " + l, e);
                }
            }
            if (f[1].equals("COMPROMISED") && compromisedFrom == null) {
                compromisedFrom = Instant.EPOCH;   // a compromised key without a time: nothing it signed is trusted
            }
            out.add(new Key(f[0], publicKey(f[2]), !f[1].equals("ACTIVE"), retiredAt, compromisedFrom));
        }
        return new ReceiptKeyring(out);
    }

    public String format() {
        StringBuilder b = new StringBuilder("# e-Cert Counter receipt keys: <key id> <status> <Ed25519 public key, X.509 base64>"
                + " [retired=<instant>] [compromised-from=<instant>]\n");
        keys.values().forEach(k -> {
            b.append(k.id()).append(' ').append(k.status()).append(' ').append(Base64.getEncoder().encodeToString(k.publicKey().getEncoded()));
            if (k.retiredAt() != null) {
                b.append(" retired=").append(k.retiredAt());
            }
            if (k.compromisedFrom() != null) {
                b.append(" compromised-from=").append(k.compromisedFrom());
            }
            b.append('\n');
        });
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
