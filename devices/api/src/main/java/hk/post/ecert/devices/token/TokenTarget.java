package hk.post.ecert.devices.token;

import java.util.Objects;

/**
 * Which medium to write: a PKCS#11 token found by its label (or serial — never by slot index), or an e-Cert File
 * USB medium found by its mount path. A token target with neither label nor serial means "the one token of the
 * profile's brand in the reader" (a counter has one reader and the customer's token in it); when several are inserted
 * the writer refuses with {@link TokenFault#SEVERAL_TOKENS} rather than guess.
 *
 * @param profile the token model profile (module library, label conventions)
 */
public record TokenTarget(String profile, String label, String serial, String mountPath) {

    public TokenTarget {
        Objects.requireNonNull(profile, "profile");
        label = label == null ? "" : label;
        serial = serial == null ? "" : serial;
        mountPath = mountPath == null ? "" : mountPath;
    }

    public static TokenTarget token(String profile, String label) {
        return new TokenTarget(profile, label, "", "");
    }

    /** Whether the token is to be found as the only one of its brand inserted (no label or serial named). */
    public boolean theOneInserted() {
        return label.isEmpty() && serial.isEmpty() && mountPath.isEmpty();
    }

    public static TokenTarget fileMedium(String profile, String mountPath) {
        return new TokenTarget(profile, "", "", mountPath);
    }
}
