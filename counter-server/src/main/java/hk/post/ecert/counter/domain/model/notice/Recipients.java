package hk.post.ecert.counter.domain.model.notice;

/** What the counter accepts as an e-mail address to send a notice to. */
public final class Recipients {

    private Recipients() {
    }

    /** One address, 3–254 characters, a local part and a domain with a dot, no spaces, controls or angle brackets. */
    public static boolean plausible(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim();
        return a.length() >= 3 && a.length() <= 254 && a.matches("[^@\\s<>,;\"\\p{Cntrl}]+@[^@\\s<>,;\"\\p{Cntrl}]+\\.[^@\\s<>,;\"\\p{Cntrl}]+");
    }
}
