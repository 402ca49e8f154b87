package hk.post.ecert.journal.receipt;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18: a receipt's seal proves what it says, and says so compactly. */
class ReceiptSealTest {

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static ReceiptStatement payment() {
        return new ReceiptStatement(ReceiptStatement.Kind.PAYMENT, "GPO", "GPO-C01", "GPO-C01-000042", Instant.parse("2026-11-25T02:30:00Z"),
                4800, ReceiptStatement.linesDigest(List.of("PERSONAL_EXTENSION_PER_YEAR|1|4800")), 42,
                ReceiptStatement.entryHash("9f".repeat(32)));
    }

    @Test
    void aSealVerifiesUnderItsKeyAndCarriesTheStatement() throws Exception {
        KeyPair k = ed25519();
        String seal = ReceiptSeal.seal(payment(), "R1", k.getPrivate());
        ReceiptKeyring ring = new ReceiptKeyring(List.of(new ReceiptKeyring.Key("R1", k.getPublic(), false)));
        ReceiptSeal.Verdict v = ReceiptSeal.verify(seal, ring);
        assertEquals(ReceiptSeal.Outcome.GENUINE, v.outcome());
        assertEquals(payment(), v.statement().orElseThrow());
        assertFalse(v.retiredKey());
        assertEquals(ReceiptSeal.Outcome.GENUINE, ReceiptSeal.verify(seal.toLowerCase().replace(":", " : "), ring).outcome(),
                "as pasted: case and spaces forgiven");
    }

    /**
     * Issue 32: the seal is signed with Bouncy Castle's Ed25519 where the key's bytes can be read; the signature is the
     * one the JDK's own Ed25519 makes (deterministic), for the same key twice and for a key signed after another.
     */
    @Test
    void theSignatureIsTheJdksOwnEd25519() throws Exception {
        KeyPair a = ed25519();
        KeyPair b = ed25519();
        for (KeyPair k : List.of(a, a, b, a)) {
            ReceiptSeal.Parsed p = ReceiptSeal.parse(ReceiptSeal.seal(payment(), "R1", k.getPrivate()));
            java.security.Signature jdk = java.security.Signature.getInstance("Ed25519", "SunEC");
            jdk.initSign(k.getPrivate());
            jdk.update("ecert-counter-receipt-v1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jdk.update(p.body());
            assertEquals(java.util.HexFormat.of().formatHex(jdk.sign()), java.util.HexFormat.of().formatHex(p.signature()));
        }
    }

    @Test
    void oneChangedByteOfTheStatementIsAltered() throws Exception {
        KeyPair k = ed25519();
        String seal = ReceiptSeal.seal(payment(), "R1", k.getPrivate());
        ReceiptKeyring ring = new ReceiptKeyring(List.of(new ReceiptKeyring.Key("R1", k.getPublic(), false)));
        ReceiptSeal.Parsed p = ReceiptSeal.parse(seal);
        byte[] body = p.body().clone();
        body[body.length - 41] ^= 0x01;   // the low byte of the total (then the sequence number and two digests)
        byte[] all = new byte[body.length + p.signature().length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(p.signature(), 0, all, body.length, p.signature().length);
        String altered = "ECR1:R1:" + ReceiptSeal.Base32.encode(all);
        ReceiptSeal.Verdict v = ReceiptSeal.verify(altered, ring);
        assertEquals(ReceiptSeal.Outcome.ALTERED, v.outcome());
        assertTrue(v.statement().orElseThrow().totalCents() != 4800, "it says something else now");
    }

    @Test
    void aSealByAKeyNotPublishedIsUnknownAndARetiredKeyStillVerifiesAndSaysSo() throws Exception {
        KeyPair old = ed25519();
        KeyPair stranger = ed25519();
        ReceiptKeyring ring = ReceiptKeyring.parse(new ReceiptKeyring(List.of(new ReceiptKeyring.Key("R1", old.getPublic(), true),
                new ReceiptKeyring.Key("R2", ed25519().getPublic(), false))).format());
        assertEquals(ReceiptSeal.Outcome.UNKNOWN_KEY, ReceiptSeal.verify(ReceiptSeal.seal(payment(), "R9", stranger.getPrivate()), ring).outcome());
        assertEquals(ReceiptSeal.Outcome.ALTERED, ReceiptSeal.verify(ReceiptSeal.seal(payment(), "R2", stranger.getPrivate()), ring).outcome(),
                "signed by someone else under a published key id");
        ReceiptSeal.Verdict retired = ReceiptSeal.verify(ReceiptSeal.seal(payment(), "R1", old.getPrivate()), ring);
        assertEquals(ReceiptSeal.Outcome.GENUINE, retired.outcome());
        assertTrue(retired.retiredKey());
        assertTrue(VerifyReceipt.describe(retired).contains("since retired"), VerifyReceipt.describe(retired));
        assertEquals(ReceiptSeal.Outcome.MALFORMED, ReceiptSeal.verify("PR-0001", ring).outcome());
        assertEquals(ReceiptSeal.Outcome.MALFORMED, ReceiptSeal.verify("ECR1:R1:AAAA", ring).outcome());
    }

    @Test
    void aStatementDatedAfterItsKeyWasRetiredOrSignedOnceTheKeyWasCompromisedIsRefused() throws Exception {
        // issue 31, finding 2: a leaked retired key cannot vouch for anything dated after its retirement; a compromised
        // key vouches for nothing from the time it may have leaked
        KeyPair old = ed25519();
        KeyPair leaked = ed25519();
        Instant retiredAt = Instant.parse("2026-11-25T03:00:00Z");
        ReceiptKeyring ring = ReceiptKeyring.parse(new ReceiptKeyring(List.of(
                new ReceiptKeyring.Key("R1", old.getPublic(), true, retiredAt, null),
                new ReceiptKeyring.Key("R2", leaked.getPublic(), true, retiredAt.plusSeconds(7200), Instant.parse("2026-11-25T02:00:00Z")))).format());
        assertEquals(ReceiptSeal.Outcome.GENUINE, ReceiptSeal.verify(ReceiptSeal.seal(payment(), "R1", old.getPrivate()), ring).outcome(),
                "signed before the retirement");
        ReceiptStatement later = new ReceiptStatement(ReceiptStatement.Kind.PAYMENT, "GPO", "GPO-C01", "GPO-C01-999999",
                Instant.parse("2026-12-01T02:30:00Z"), 9_999_900, ReceiptStatement.linesDigest(List.of("X|1|9999900")), 0,
                ReceiptStatement.entryHash(null));
        ReceiptSeal.Verdict forged = ReceiptSeal.verify(ReceiptSeal.seal(later, "R1", old.getPrivate()), ring);
        assertEquals(ReceiptSeal.Outcome.SIGNED_AFTER_RETIREMENT, forged.outcome());
        assertTrue(VerifyReceipt.describe(forged).startsWith("REFUSED"), VerifyReceipt.describe(forged));
        assertEquals(ReceiptSeal.Outcome.KEY_COMPROMISED, ReceiptSeal.verify(ReceiptSeal.seal(payment(), "R2", leaked.getPrivate()), ring).outcome(),
                "02:30 is after the 02:00 it may have leaked from");
        assertTrue(ring.format().contains("R2 COMPROMISED ") && ring.format().contains("retired=2026-11-25T03:00:00Z"), ring.format());
    }

    @Test
    void theSealFitsAQrThatScansFromAThermalReceipt() throws Exception {
        String seal = ReceiptSeal.seal(payment(), "R1", ed25519().getPrivate());
        QRCode qr = Encoder.encode(seal, ErrorCorrectionLevel.M);
        System.out.println("RESULT receipt-seal chars=" + seal.length() + " qr_version=" + qr.getVersion().getVersionNumber()
                + " ecc=M mode=" + qr.getMode() + " modules=" + qr.getMatrix().getWidth());
        System.out.println("sample seal: " + seal);
        assertEquals(Mode.ALPHANUMERIC, qr.getMode(), "upper case, digits and ':' only: the compact QR mode");
        assertTrue(qr.getVersion().getVersionNumber() <= 10, "version " + qr.getVersion().getVersionNumber());
        // at 6 dots a module (the printer's setting) with the 4-module quiet zone it fits the 576-dot line of 80 mm paper
        assertTrue((qr.getMatrix().getWidth() + 8) * 6 <= 576, "width in dots: " + (qr.getMatrix().getWidth() + 8) * 6);
    }
}
