package hk.post.ecert.devices.token.pkcs12;

import hk.post.ecert.devices.token.TokenException;
import hk.post.ecert.devices.token.TokenFault;
import hk.post.ecert.devices.token.TokenProfile;
import hk.post.ecert.devices.token.TokenTarget;
import hk.post.ecert.devices.token.TokenWriterContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token contract on the e-Cert File USB medium (PKCS#12), checked independently with {@code openssl pkcs12}. */
class Pkcs12TokenWriterTest extends TokenWriterContract {

    @TempDir
    Path usb;

    @Override
    protected void freshMedium() {
        writer = new Pkcs12TokenWriter(TokenProfile.byId("ecert-file-usb"));
        target = TokenTarget.fileMedium("ecert-file-usb", usb.toString());
    }

    @Override
    protected void verifyIndependently(String keyId, byte[] certificate) throws Exception {
        Path file = usb.resolve("ecert.p12");
        assertTrue(Files.exists(file));
        Process p = new ProcessBuilder("openssl", "pkcs12", "-info", "-in", file.toString(), "-passin", "pass:" + new String(PIN),
                "-nokeys", "-clcerts").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("PBES2, PBKDF2, AES-256-CBC"), "modern PBE for the key and certificate bags:\n" + out);
        assertTrue(out.contains("MAC: sha256"), "HMAC-SHA256 integrity:\n" + out);
        String algorithms = out.lines().filter(l -> l.contains("Keybag") || l.contains("Encrypted data") || l.startsWith("MAC"))
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(!algorithms.contains("RC2") && !algorithms.contains("3DES") && !algorithms.contains("sha1"), algorithms);
        String pem = out.substring(out.indexOf("-----BEGIN CERTIFICATE-----"));
        byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded();
        assertArrayEquals(certificate, der, "openssl reads back the issued certificate");
        assertTrue(Files.list(usb).noneMatch(f -> f.getFileName().toString().startsWith(".ecert-pending-" + keyId)),
                "the pending key is gone once the certificate is installed");
        assertTrue(Files.readString(file, StandardCharsets.ISO_8859_1).indexOf("1234") < 0, "the PIN is not in the file");
    }

    @Override
    protected int keysOnMedium() throws Exception {
        try (var files = Files.list(usb)) {
            return (int) files.filter(f -> f.getFileName().toString().startsWith(".ecert-pending-")
                    || f.getFileName().toString().equals("ecert.p12")).count();
        }
    }

    @Test
    void noMediumMountedIsSaidPlainly() {
        TokenException e = assertThrows(TokenException.class, () -> writer.generateKey(
                TokenTarget.fileMedium("ecert-file-usb", usb.resolve("not-mounted").toString()), PIN, keyId("RN-0200"), SUBJECT));
        assertEquals(TokenFault.MEDIUM_MISSING, e.fault());
    }

    @Test
    void theFileOpensOnlyWithThePinFromTheEnvelope() throws Exception {
        String keyId = keyId("RN-0201");
        byte[] cert = ca.issue(writer.generateKey(target, PIN, keyId, SUBJECT).csrDer());
        writer.install(target, PIN, keyId, cert, List.of(ca.certificate));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        assertThrows(java.io.IOException.class, () -> ks.load(Files.newInputStream(usb.resolve("ecert.p12")), "0000".toCharArray()));
        ks.load(Files.newInputStream(usb.resolve("ecert.p12")), PIN);
        assertEquals(2, ks.getCertificateChain("ecert").length, "certificate and its CA");
    }
}
