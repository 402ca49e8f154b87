package hk.post.ecert.devices.token.pkcs11;

import hk.post.ecert.devices.token.GeneratedKey;
import hk.post.ecert.devices.token.TokenException;
import hk.post.ecert.devices.token.TokenFault;
import hk.post.ecert.devices.token.TokenProfile;
import hk.post.ecert.devices.token.TokenTarget;
import hk.post.ecert.devices.token.TokenWriterContract;
import hk.post.ecert.devices.token.simulated.SoftHsm;
import iaik.pkcs.pkcs11.wrapper.PKCS11Implementation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.PKCS11Module;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LOCKED;

/** The token contract on a real PKCS#11 module (SoftHSM2), checked independently with {@code pkcs11-tool}. */
class Pkcs11TokenWriterTest extends TokenWriterContract {

    private static final TokenProfile SOFTHSM = TokenProfile.byId("softhsm2");
    private String label;

    @BeforeAll
    static void softHsm() throws Exception {
        if (Boolean.getBoolean("devices.required")) {
            assertTrue(SoftHsm.installed(), "SoftHSM2 and pkcs11-tool are required under bin/test");
        }
        assumeTrue(SoftHsm.installed(), "SoftHSM2 / pkcs11-tool not installed (bin/test installs them)");
        SoftHsm.configure();
    }

    @Override
    protected void freshMedium() {
        label = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SoftHsm.initToken(label, new String(PIN));
        writer = new Pkcs11TokenWriter(SOFTHSM);
        target = TokenTarget.token("softhsm2", label);
    }

    @AfterEach
    void deleteToken() {
        SoftHsm.deleteToken(label);
    }

    @Override
    protected void verifyIndependently(String keyId, byte[] certificate) throws Exception {
        SoftHsm.Result objects = SoftHsm.pkcs11Tool(label, "--login", "--pin", new String(PIN), "-O");
        assertEquals(0, objects.exit(), objects.out());
        String out = objects.out();
        List<String> sections = sections(out);
        String priv = sections.stream().filter(x -> x.startsWith("Private Key Object") && x.contains("ID: " + keyId))
                .findFirst().orElseThrow(() -> new AssertionError("no private key with ID " + keyId + ":\n" + out));
        assertTrue(priv.contains("never extractable"), "the private key is never extractable: " + priv);
        assertTrue(priv.contains("always sensitive"), priv);
        assertTrue(priv.contains("Usage: sign") && !priv.contains("decrypt") && !priv.contains("unwrap"), "sign only: " + priv);
        assertTrue(sections.stream().anyMatch(x -> x.startsWith("Certificate Object") && x.contains("ID: " + keyId)),
                "the certificate sits under the key's ID:\n" + out);

        Path read = Files.createTempFile("cert", ".der");
        SoftHsm.Result r = SoftHsm.pkcs11Tool(label, "--read-object", "--type", "cert", "--id", keyId, "--output-file", read.toString());
        assertEquals(0, r.exit(), r.out());
        assertArrayEquals(certificate, Files.readAllBytes(read), "pkcs11-tool reads back the issued bytes");
    }

    /** pkcs11-tool -O output, one object a section, whitespace runs folded to one space. */
    private static List<String> sections(String out) {
        List<String> result = new java.util.ArrayList<>();
        StringBuilder current = null;
        for (String line : out.lines().toList()) {
            if (line.matches("^[A-Z][A-Za-z ]* Object;.*")) {
                if (current != null) {
                    result.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line.trim().replaceAll("\\s+", " ")).append('\n');
            }
        }
        if (current != null) {
            result.add(current.toString());
        }
        return result;
    }

    @Override
    protected int keysOnMedium() {
        SoftHsm.Result r = SoftHsm.pkcs11Tool(label, "--login", "--pin", new String(PIN), "-O", "--type", "privkey");
        return (int) r.out().lines().filter(l -> l.startsWith("Private Key Object")).count();
    }

    @Test
    void aWrongPinAtKeyGenerationCreatesNothing() {
        TokenException e = assertThrows(TokenException.class,
                () -> writer.generateKey(target, "9999".toCharArray(), keyId("RN-0099"), SUBJECT));
        assertEquals(TokenFault.PIN_INCORRECT, e.fault());
        assertEquals(0, keysOnMedium());
    }

    @Test
    void aTokenThatIsNotInsertedIsAbsentNotACrash() {
        TokenException e = assertThrows(TokenException.class,
                () -> writer.generateKey(TokenTarget.token("softhsm2", "no-such-token"), PIN, keyId("RN-0100"), SUBJECT));
        assertEquals(TokenFault.TOKEN_ABSENT, e.fault());
    }

    @Test
    void aTokenInsertedAfterTheModuleStartedIsFoundByItsLabel() throws Exception {
        writer.generateKey(target, PIN, keyId("RN-0101"), SUBJECT);   // module initialised now
        String late = "late-" + UUID.randomUUID().toString().substring(0, 6);
        SoftHsm.initToken(late, "4321");                                // a new token, unseen by this C_Initialize
        try {
            GeneratedKey k = writer.generateKey(TokenTarget.token("softhsm2", late), "4321".toCharArray(), keyId("RN-0102"), SUBJECT);
            assertTrue(k.csrDer().length > 0);
        } finally {
            SoftHsm.deleteToken(late);
        }
    }

    @Test
    void aTokenDeletedMidRenewalEndsInOneHonestFault() throws Exception {
        String keyId = keyId("RN-0103");
        GeneratedKey key = writer.generateKey(target, PIN, keyId, SUBJECT);
        byte[] cert = ca.issue(key.csrDer());
        SoftHsm.deleteToken(label);   // the customer pulls the token after issuance
        TokenException e = assertThrows(TokenException.class, () -> writer.install(target, PIN, keyId, cert, List.of(ca.certificate)));
        assertTrue(e.fault() == TokenFault.TOKEN_ABSENT || e.fault() == TokenFault.TOKEN_REMOVED, e.fault() + ": " + e.getMessage());
    }

    @Test
    void withNoLabelNamedTheOneTokenInTheReaderIsWrittenAndSeveralAreRefusedRatherThanGuessed() throws Exception {
        for (String other : SoftHsm.labels()) {
            if (!other.equals(label)) {
                SoftHsm.deleteToken(other);   // left by another test: the reader holds only this customer's token
            }
        }
        TokenTarget theOneInserted = TokenTarget.token("softhsm2", "");
        String keyId = keyId("RN-0107");
        GeneratedKey key = writer.generateKey(theOneInserted, PIN, keyId, SUBJECT);
        byte[] cert = ca.issue(key.csrDer());
        writer.install(theOneInserted, PIN, keyId, cert, List.of(ca.certificate));
        verifyIndependently(keyId, cert);

        String second = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SoftHsm.initToken(second, new String(PIN));
        try {
            TokenException e = assertThrows(TokenException.class,
                    () -> writer.generateKey(theOneInserted, PIN, keyId("RN-0108"), SUBJECT));
            assertEquals(TokenFault.SEVERAL_TOKENS, e.fault());
            assertTrue(e.getMessage().contains("2"), e.getMessage());
        } finally {
            SoftHsm.deleteToken(second);
        }
        SoftHsm.deleteToken(label);
        TokenException none = assertThrows(TokenException.class,
                () -> writer.generateKey(theOneInserted, PIN, keyId("RN-0109"), SUBJECT));
        assertEquals(TokenFault.TOKEN_ABSENT, none.fault());
    }

    @Test
    void theReaderSaysWhetherTheCustomersTokenIsInAndIsNotDisturbedDuringAWrite() throws Exception {
        for (String other : SoftHsm.labels()) {
            if (!other.equals(label)) {
                SoftHsm.deleteToken(other);
            }
        }
        Pkcs11TokenWriter reader = (Pkcs11TokenWriter) writer;
        var one = reader.healthNow().orElseThrow();
        assertEquals(hk.post.ecert.devices.health.DeviceKind.TOKEN_WRITER, one.kind());
        assertEquals("softhsm2", one.model());
        assertEquals(hk.post.ecert.devices.health.DeviceState.READY, one.state(), one.toString());

        String second = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SoftHsm.initToken(second, new String(PIN));   // put in after the module started: seen all the same
        try {
            var two = reader.healthNow().orElseThrow();
            assertEquals(hk.post.ecert.devices.health.DeviceState.WARNING, two.state());
            assertEquals("SEVERAL_TOKENS", two.detail());
        } finally {
            SoftHsm.deleteToken(second);
        }

        // while a write holds the reader, looking would re-initialise the module under it: the look is skipped
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread write = new Thread(() -> {
            reader.inUse().lock();
            try {
                held.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                reader.inUse().unlock();
            }
        });
        write.start();
        held.await();
        try {
            assertTrue(reader.healthNow().isEmpty(), "no look while a write is under way");
        } finally {
            done.countDown();
            write.join();
        }

        SoftHsm.deleteToken(label);
        var none = reader.healthNow().orElseThrow();
        assertEquals(hk.post.ecert.devices.health.DeviceState.WARNING, none.state());
        assertEquals("TOKEN_ABSENT", none.detail());
    }

    @Test
    void rule6ATokenOfAnotherBrandIsRefusedByWhatTheTokenSaysItIs() throws Exception {
        // a SafeNet case's profile driving the SoftHSM2 module: the token answers "SoftHSM project / SoftHSM v2"
        TokenProfile safenet = TokenProfile.byId("safenet-etoken");
        TokenProfile safenetProfileOnSoftHsm = new TokenProfile(safenet.id(), safenet.name(), TokenProfile.Medium.PKCS11,
                SOFTHSM.module(), safenet.brand(), "", safenet.manufacturers());
        TokenException e = assertThrows(TokenException.class,
                () -> new Pkcs11TokenWriter(safenetProfileOnSoftHsm).generateKey(target, PIN, keyId("RN-0106"), SUBJECT));
        assertEquals(TokenFault.WRONG_BRAND, e.fault());
        assertTrue(e.getMessage().contains("SoftHSM") && e.getMessage().contains("SafeNet"), e.getMessage());
        SoftHsm.Result objects = SoftHsm.pkcs11Tool(label, "--login", "--pin", new String(PIN), "-O");
        assertTrue(!objects.out().contains("Private Key Object"), "nothing was generated on the wrong token: " + objects.out());

        assertTrue(safenet.acceptsToken("SafeNet, Inc.", "eToken"));
        assertTrue(safenet.acceptsToken("Gemalto", "SafeNet eToken 5110"));
        assertTrue(!safenet.acceptsToken("Feitian Technologies Co., Ltd.", "ePass2003"));
        TokenProfile feitian = TokenProfile.byId("feitian-epass");
        assertTrue(feitian.acceptsToken("Feitian Technologies Co., Ltd.", "ePass2003"));
        assertTrue(!feitian.acceptsToken("SafeNet, Inc.", "eToken"));
        assertTrue(SOFTHSM.acceptsToken("SoftHSM project", "SoftHSM v2"), "the DEMO profile has no brand to check");
    }

    @Test
    void aModuleThatIsNotInstalledIsSaidPlainly() {
        TokenProfile missing = new TokenProfile("x", "Missing token model", TokenProfile.Medium.PKCS11, "/usr/lib/no-such-pkcs11.so", "", "");
        TokenException e = assertThrows(TokenException.class,
                () -> new Pkcs11TokenWriter(missing).generateKey(target, PIN, keyId("RN-0104"), SUBJECT));
        assertEquals(TokenFault.MODULE_MISSING, e.fault());
    }

    @Test
    void aLockedPinIsReportedAsLocked() throws Exception {
        // SoftHSM2 never locks a PIN: a module whose C_Login answers CKR_PIN_LOCKED stands in for a real token.
        Pkcs11TokenWriter.resetModules();
        try {
            PKCS11Module.getInstance(SoftHsm.MODULE);   // loads the JNI library
            Pkcs11TokenWriter locked = new Pkcs11TokenWriter(SOFTHSM, lib -> new PKCS11Module(new PKCS11Implementation(lib) {
                @Override
                public void C_Login(long session, long userType, char[] pin, boolean utf8)
                        throws iaik.pkcs.pkcs11.wrapper.PKCS11Exception {
                    throw new iaik.pkcs.pkcs11.wrapper.PKCS11Exception(CKR_PIN_LOCKED);
                }
            }) { });
            TokenException e = assertThrows(TokenException.class, () -> locked.generateKey(target, PIN, keyId("RN-0105"), SUBJECT));
            assertEquals(TokenFault.PIN_LOCKED, e.fault());
            assertEquals(0, keysOnMedium());
        } finally {
            Pkcs11TokenWriter.resetModules();
        }
    }

    @Test
    void keyIdsAreHex() {
        assertEquals("524e2d30303031", HexFormat.of().formatHex("RN-0001".getBytes()));
    }
}
