package hk.post.ecert.counter.domain.model.kiosk;

import java.time.Duration;

/**
 * The kiosk's limits (issue 17): a certificate check names an SRN and the HKID it belongs to, so guessing is limited per
 * kiosk and per SRN; a screen left alone forgets its customer.
 */
public final class KioskRules {

    /** The window the limits count over. */
    public static final Duration CHECK_WINDOW = Duration.ofMinutes(15);
    /** Checks that did not match, per SRN (at any kiosk), before that SRN is refused for the window. */
    public static final int FAILED_PER_SRN = 5;
    /** Checks that did not match, per kiosk, before the kiosk refuses checks for the window. */
    public static final int FAILED_PER_KIOSK = 20;
    /** Checks of any outcome per kiosk in the window (a queue of honest customers stays well below it). */
    public static final int CHECKS_PER_KIOSK = 120;
    /** A screen without a touch for this long goes back to its start, with nothing personal left on it. */
    public static final Duration IDLE_RESET = Duration.ofSeconds(60);
    /** A ticket binding a browser to the kiosk is redeemed within this time, or never. */
    public static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

    private KioskRules() {
    }

    /**
     * A typed certificate number as the limits count it when it finds no certificate: an SRN as typed (upper case, no
     * spaces), a serial as hex without {@code 0X} and leading zeros — so {@code 0A}, {@code 0x0a} and {@code A} are one.
     */
    public static String canonicalNumber(String typed) {
        String n = typed.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s", "");
        if (n.startsWith("SRN-")) {
            return n;
        }
        if (n.startsWith("0X")) {
            n = n.substring(2);
        }
        n = n.replaceFirst("^0+", "");
        return n.isEmpty() ? "0" : n;
    }

    /** Why a check is refused before it is made, if it is. */
    public enum Refusal { SRN_LIMIT, KIOSK_LIMIT }

    public static java.util.Optional<Refusal> refusal(long failedOfSrn, long failedAtKiosk, long allAtKiosk) {
        if (failedOfSrn >= FAILED_PER_SRN) {
            return java.util.Optional.of(Refusal.SRN_LIMIT);
        }
        if (failedAtKiosk >= FAILED_PER_KIOSK || allAtKiosk >= CHECKS_PER_KIOSK) {
            return java.util.Optional.of(Refusal.KIOSK_LIMIT);
        }
        return java.util.Optional.empty();
    }
}
