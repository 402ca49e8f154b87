package hk.post.ecert.counter.domain.model.kiosk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 31, finding 7: one certificate number typed many ways is one count for the kiosk's per-SRN limit. */
class KioskRulesTest {

    @Test
    void aSerialTypedWithLeadingZerosOrAnHexPrefixIsOneNumber() {
        for (String typed : new String[]{"1A2B", "01A2B", "0X1A2B", "0x01a2b", " 1a 2b ", "0X0001A2B"}) {
            assertEquals("1A2B", KioskRules.canonicalNumber(typed), typed);
        }
        assertEquals("SRN-P-000007", KioskRules.canonicalNumber(" srn-p-000007 "));
        assertEquals("0", KioskRules.canonicalNumber("0X000"));
    }

    @Test
    void theFifthMissOfOneCertificateClosesItForTheWindowHoweverItWasTyped() {
        assertTrue(KioskRules.refusal(KioskRules.FAILED_PER_SRN - 1, 0, 0).isEmpty());
        assertEquals(KioskRules.Refusal.SRN_LIMIT, KioskRules.refusal(KioskRules.FAILED_PER_SRN, 0, 0).orElseThrow());
    }
}
