package hk.post.ecert.counter.domain.model.renewal;

import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 29: a ticket the kiosk prints opens a case at the counter. The kiosk prepares a renewal as the counter will open
 * it — the variant's own delivery ({@link RenewalCase#ownDelivery}), no names — so for every counter type and variant
 * a kiosk may prepare (all but Server, whose names the clerk confirms), that case opens. The MR ticket that was refused
 * at the counter ("never posted as a PKCS#12 file") opens onto the customer's token.
 */
class KioskTicketOpensACaseTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Catalogue CATALOGUE = Catalogue.loadDefault();

    @Test
    void everyVariantTheKioskPreparesOpensItsCaseWithItsOwnDelivery() {
        List<String> opened = new ArrayList<>();
        for (CertificateType type : CATALOGUE.types()) {
            if (type.channel() != Channel.COUNTER || type.code().equals("SERVER")) {
                continue;
            }
            for (Variant v : type.variants()) {
                if (v.validityYears().isEmpty()) {
                    continue;
                }
                SubscriberCertificate cert = new SubscriberCertificate("0A" + opened.size(), "SRN-K-" + opened.size(), type.code(), v.code(),
                        v.issuingCa(), "DEMO", null, "PERSONAL".equals(type.code()) ? null : "12345678", TODAY.minusYears(2), TODAY.plusDays(5),
                        "PERSONAL".equals(type.code()) ? TODAY.plusDays(5) : null, CertificateStatus.ACTIVE,
                        v.tokenBrand().isPresent() ? "ecert-token" : "ecert-file-usb", "PERSONAL".equals(type.code()) ? null : "AR",
                        v.requiresExistingAeoi());
                RenewalCase.Delivery delivery = RenewalCase.ownDelivery(type.code(), v);
                RenewalCase k = RenewalCase.open("RC-K", cert, CATALOGUE, v.code(), v.validityYears().get(0), false, List.of(), delivery,
                        TODAY, Optional.empty(), "clerk1");
                assertEquals(RenewalCase.State.OPEN, k.state(), type.code() + "/" + v.code());
                opened.add(type.code() + "/" + v.code() + " " + delivery);
            }
        }
        assertTrue(opened.stream().anyMatch(o -> o.startsWith("PERSONAL/MR_") && o.endsWith("TOKEN_AT_COUNTER")), opened.toString());
        assertTrue(opened.stream().anyMatch(o -> o.startsWith("PERSONAL/STANDARD") && o.endsWith("DISPATCH")), opened.toString());
        assertTrue(opened.stream().anyMatch(o -> o.startsWith("ORGANISATIONAL/")), opened.toString());
        assertFalse(opened.isEmpty());
        System.out.println("kiosk-preparable variants whose ticket opens a case: " + opened);
    }

    @Test
    void aServerCertificateIsIssuedForItsCsrAndAnMrCertificateOntoItsToken() {
        assertEquals(RenewalCase.Delivery.CSR, RenewalCase.ownDelivery("SERVER", CATALOGUE.type("SERVER").variant("PLAIN")));
        assertEquals(RenewalCase.Delivery.TOKEN_AT_COUNTER, RenewalCase.ownDelivery("PERSONAL", CATALOGUE.type("PERSONAL").variant("MR_SAFENET")));
        assertEquals(RenewalCase.Delivery.DISPATCH, RenewalCase.ownDelivery("ORGANISATIONAL", CATALOGUE.type("ORGANISATIONAL").variant("PLAIN")));
    }
}
