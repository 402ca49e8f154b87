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

    private CounterMedia() {
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
