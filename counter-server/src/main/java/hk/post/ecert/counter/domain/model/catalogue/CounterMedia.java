package hk.post.ecert.counter.domain.model.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The media a counter can write a renewed certificate onto, as the token writer's model profiles: the catalogue
 * names a variant's media (e-Cert File USB, a SafeNet or FEITIAN e-Cert Token), the terminal knows them by profile.
 * An e-Cert File card or a smart ID card has no writer at the counter. The DEMO software token (SoftHSM2) stands in
 * for any hardware token, and only where demo mode offers it.
 */
public final class CounterMedia {

    public static final String DEMO_SOFTWARE_TOKEN = "softhsm2";

    /** The medium a posted renewal travels on: an e-Cert File USB holding the PKCS#12. */
    public static final String POSTED_FILE = "ecert-file-usb";

    private static final Map<String, String> PROFILE_OF_MEDIUM = Map.of(
            "E_CERT_FILE_USB", "ecert-file-usb",
            "E_CERT_TOKEN_SAFENET", "safenet-etoken",
            "E_CERT_TOKEN_FEITIAN", "feitian-epass");

    /**
     * The storage media a posted renewal may travel on, as the subscriber chooses on the form (issue 29: "stored in the
     * e-Cert storage medium selected by the Subscriber and … sent through registered mail"): HKPCA writes the chosen
     * medium and posts it; the counter writes none of them.
     */
    private static final Map<String, String> POSTED_PROFILE_OF_MEDIUM = Map.of(
            "E_CERT_FILE_USB", POSTED_FILE,
            "E_CERT_FILE_CARD", "ecert-file-card",
            "SMART_ID_CARD", "smart-id-card");

    /** The form's words for each posted medium. */
    private static final Map<String, String> POSTED_NAME = Map.of(
            POSTED_FILE, "e-Cert File USB",
            "ecert-file-card", "e-Cert File Card",
            "smart-id-card", "Smart ID card");

    private CounterMedia() {
    }

    /** The media a posted renewal of {@code variant} may be sent on, in the catalogue's order (none for a token variant). */
    public static List<String> postedProfilesFor(Variant variant) {
        if (variant.tokenBrand().isPresent()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String medium : variant.media()) {
            String p = POSTED_PROFILE_OF_MEDIUM.get(medium);
            if (p != null && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The posted medium as the form names it. */
    public static String postedName(String profile) {
        return POSTED_NAME.getOrDefault(profile, profile);
    }

    /** The profiles a case of {@code variant} may be written onto at the counter, the variant's own first. */
    public static List<String> profilesFor(Variant variant, boolean demoSoftwareToken) {
        List<String> out = new ArrayList<>();
        for (String medium : variant.media()) {
            String p = PROFILE_OF_MEDIUM.get(medium);
            if (p != null && !out.contains(p)) {
                out.add(p);
            }
        }
        if (demoSoftwareToken && !out.isEmpty()) {
            out.add(DEMO_SOFTWARE_TOKEN);
        }
        return out;
    }
}
