package hk.post.ecert.counter.domain.model.issuance;

import java.util.List;

/**
 * What a certificate of each kind says about itself: its issuing CA (as in HKPCA's hierarchy), key usage, extended
 * key usage and certificate policies, and the longest life it may have.
 *
 * @param issuingCa       {@code 2-17}, {@code 2-15} or {@code server}
 * @param keyUsage        Bouncy Castle {@code KeyUsage} bits
 * @param extendedKeyUsage OIDs
 * @param policies        certificate policy OIDs; Mutual Recognition carries HKPCA's MR policy
 */
public record CertificateProfile(String name, String issuingCa, int keyUsage, List<String> extendedKeyUsage,
                                 List<String> policies, int maxDays) {

    /** Mutual Recognition status policy (HKPCA arc 2.16.344.8.2.2008.810.2; TEST use). */
    public static final String MUTUAL_RECOGNITION_POLICY = "2.16.344.8.2.2008.810.2";
    /** Our TEST arc for ordinary e-Cert policies (clearly not HKPCA's production OIDs). */
    public static final String TEST_POLICY_ARC = "2.16.344.8.2.2008.810.99.";

    static final int DIGITAL_SIGNATURE = 1 << 7;
    static final int NON_REPUDIATION = 1 << 6;
    static final int KEY_ENCIPHERMENT = 1 << 5;
    static final int DATA_ENCIPHERMENT = 1 << 4;
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /** The profile for a certificate type and variant of the catalogue. */
    public static CertificateProfile of(String typeCode, String variantCode) {
        boolean mr = variantCode.startsWith("MR_");
        return switch (typeCode) {
            case "PERSONAL" -> mr
                    ? new CertificateProfile("PERSONAL_MR", "2-15", DIGITAL_SIGNATURE | NON_REPUDIATION,
                    List.of(CLIENT_AUTH, EMAIL_PROTECTION), List.of(MUTUAL_RECOGNITION_POLICY), 3 * 366)
                    : new CertificateProfile("PERSONAL", "2-17", DIGITAL_SIGNATURE | NON_REPUDIATION | KEY_ENCIPHERMENT,
                    List.of(CLIENT_AUTH, EMAIL_PROTECTION), List.of(TEST_POLICY_ARC + "1"), 3 * 366);
            case "ORGANISATIONAL" -> mr
                    ? new CertificateProfile("ORGANISATIONAL_MR", "2-15", DIGITAL_SIGNATURE | NON_REPUDIATION,
                    List.of(CLIENT_AUTH, EMAIL_PROTECTION), List.of(MUTUAL_RECOGNITION_POLICY), 3 * 366)
                    : new CertificateProfile("ORGANISATIONAL", "2-17", DIGITAL_SIGNATURE | NON_REPUDIATION | KEY_ENCIPHERMENT,
                    List.of(CLIENT_AUTH, EMAIL_PROTECTION), List.of(TEST_POLICY_ARC + "2"), 2 * 366);
            case "ENCIPHERMENT" -> new CertificateProfile("ENCIPHERMENT", "2-17", KEY_ENCIPHERMENT | DATA_ENCIPHERMENT,
                    List.of(EMAIL_PROTECTION), List.of(TEST_POLICY_ARC + "3"), 3 * 366);
            case "SERVER" -> new CertificateProfile("SERVER", "server", DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
                    List.of(SERVER_AUTH), List.of(TEST_POLICY_ARC + "4"), 199);
            case "BANK_CERT_BANK" -> new CertificateProfile("BANK_CERT_BANK", "2-15", DIGITAL_SIGNATURE | NON_REPUDIATION,
                    List.of(CLIENT_AUTH), List.of(TEST_POLICY_ARC + "8"), 3 * 366);
            // issued by HKPCA for a Registration Bank's customers: the counter never issues it, it only finds one in the
            // registry (and refers the customer to the bank); the DEMO registry holds one
            case "BANK_CERT_PERSONAL", "BANK_CERT_CORPORATE" -> new CertificateProfile(typeCode, "2-15", DIGITAL_SIGNATURE | NON_REPUDIATION,
                    List.of(CLIENT_AUTH), List.of(TEST_POLICY_ARC + ("BANK_CERT_PERSONAL".equals(typeCode) ? "6" : "7")), 3 * 366);
            default -> throw new IllegalArgumentException(typeCode + " is not issued through the counter");
        };
    }
}
