package hk.post.ecert.journal.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The text a receipt's QR code carries: {@code ECR1:<key id>:<base32 of statement and signature>}. The statement is
 * signed with Ed25519 by the receipt key named; the whole text is upper-case letters, digits and ':' so the QR is
 * made in alphanumeric mode (a version 9 symbol at error correction M for a payment receipt).
 */
public final class ReceiptSeal {

    public static final String PREFIX = "ECR1";
    static final int SIGNATURE_BYTES = 64;
    private static final byte[] CONTEXT = "ecert-counter-receipt-v1\n".getBytes(StandardCharsets.UTF_8);

    private ReceiptSeal() {
    }

    /** What a check of a seal found. */
    public enum Outcome {
        /** The signature verifies under a key of the keyring: the statement is as the counter issued it. */
        GENUINE,
        /** The key is known but the signature does not verify: something was changed. */
        ALTERED,
        /** The seal names a key the keyring does not hold. */
        UNKNOWN_KEY,
        /** Not a receipt seal at all (or cut short). */
        MALFORMED,
        /** The signature verifies, but the statement is dated after its key was retired: no genuine receipt is. */
        SIGNED_AFTER_RETIREMENT,
        /** The signature verifies under a key declared compromised from a time at or before the statement's. */
        KEY_COMPROMISED
    }

    /** The verdict, with the statement when it could be read and whether the key has since been retired. */
    public record Verdict(Outcome outcome, Optional<ReceiptStatement> statement, String keyId, boolean retiredKey) {
    }

    /** A seal taken apart, not yet checked. */
    public record Parsed(String keyId, ReceiptStatement statement, byte[] body, byte[] signature) {
    }

    public static String seal(ReceiptStatement statement, String keyId, PrivateKey key) {
        if (!keyId.matches("[A-Z0-9]{1,12}")) {
            throw new IllegalArgumentException("a key id is 1-12 upper-case letters or digits: " + keyId);
        }
        byte[] body = statement.encode();
        byte[] sig = sign(key, body);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body);
        all.writeBytes(sig);
        return PREFIX + ":" + keyId + ":" + Base32.encode(all.toByteArray());
    }

    /** Reads a seal as scanned or pasted (spaces, line breaks and lower case forgiven). */
    public static Parsed parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no seal");
        }
        String t = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        String[] parts = t.split(":", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0]) || !parts[1].matches("[A-Z0-9]{1,12}")) {
            throw new IllegalArgumentException("not a receipt seal");
        }
        byte[] all = Base32.decode(parts[2]);
        if (all.length <= SIGNATURE_BYTES) {
            throw new IllegalArgumentException("cut short");
        }
        byte[] body = Arrays.copyOf(all, all.length - SIGNATURE_BYTES);
        byte[] sig = Arrays.copyOfRange(all, all.length - SIGNATURE_BYTES, all.length);
        return new Parsed(parts[1], ReceiptStatement.decode(body), body, sig);
    }

    /** Checks a seal against a keyring (the published public keys). */
    public static Verdict verify(String text, ReceiptKeyring keys) {
        Parsed p;
        try {
            p = parse(text);
        } catch (RuntimeException e) {
            return new Verdict(Outcome.MALFORMED, Optional.empty(), "", false);
        }
        Optional<ReceiptKeyring.Key> key = keys.key(p.keyId());
        if (key.isEmpty()) {
            return new Verdict(Outcome.UNKNOWN_KEY, Optional.of(p.statement()), p.keyId(), false);
        }
        boolean ok;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key.get().publicKey());
            s.update(CONTEXT);
            s.update(p.body());
            ok = s.verify(p.signature());
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        ReceiptKeyring.Key k = key.get();
        Outcome outcome = !ok ? Outcome.ALTERED
                : k.compromisedFrom() != null && !p.statement().at().isBefore(k.compromisedFrom()) ? Outcome.KEY_COMPROMISED
                : k.retiredAt() != null && p.statement().at().isAfter(k.retiredAt()) ? Outcome.SIGNED_AFTER_RETIREMENT
                : Outcome.GENUINE;
        return new Verdict(outcome, Optional.of(p.statement()), p.keyId(), k.retired());
    }

    /**
     * Signs with Bouncy Castle's Ed25519 when the key's 32 bytes can be read (a key from a file, as the counter's receipt
     * keys are): the same signature as the JDK's (Ed25519 is deterministic), in about 60 µs against about 1 ms for the
     * JDK's SunEC in a microbenchmark on this machine, once for every receipt printed (issue 32: a JFR recording of
     * {@code bin/bench counter-flow} found 26 of the flow's 253 execution samples signing seals). Any other key is signed
     * through the JDK's provider.
     */
    private static byte[] sign(PrivateKey key, byte[] body) {
        Ed25519PrivateKeyParameters fast = fastKey(key);
        if (fast != null) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, fast);
            signer.update(CONTEXT, 0, CONTEXT.length);
            signer.update(body, 0, body.length);
            return signer.generateSignature();
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(CONTEXT);
            s.update(body);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a receipt", e);
        }
    }

    /** The last key signed with and its Bouncy Castle form (which keeps the public key it derives once). */
    private record FastKey(PrivateKey key, Ed25519PrivateKeyParameters params) {
    }

    private static volatile FastKey lastKey;

    private static Ed25519PrivateKeyParameters fastKey(PrivateKey key) {
        FastKey last = lastKey;
        if (last != null && last.key() == key) {
            return last.params();
        }
        if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return null;
        }
        Optional<byte[]> bytes = ed.getBytes();
        if (bytes.isEmpty() || bytes.get().length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            return null;
        }
        Ed25519PrivateKeyParameters params = new Ed25519PrivateKeyParameters(bytes.get(), 0);
        lastKey = new FastKey(key, params);
        return params;
    }

    /** RFC 4648 base32, upper case, without padding: every character is in the QR alphanumeric set. */
    static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xFF);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        }

        static byte[] decode(String s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : s.toCharArray()) {
                int v = ALPHABET.indexOf(c);
                if (v < 0) {
                    throw new IllegalArgumentException("not base32: " + c);
                }
                buffer = (buffer << 5) | v;
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xFF);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
