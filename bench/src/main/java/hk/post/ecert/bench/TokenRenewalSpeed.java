package hk.post.ecert.bench;

import hk.post.ecert.devices.token.GeneratedKey;
import hk.post.ecert.devices.token.TokenProfile;
import hk.post.ecert.devices.token.TokenTarget;
import hk.post.ecert.devices.token.pkcs11.Pkcs11TokenWriter;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code bin/bench token}: the median of a full renewal onto a SoftHSM2 token — key pair on the token, CSR signed
 * there, issue by a CA, certificate and chain written, read back and verified — against the median of the raw
 * RSA-2048 key generation on the same token with {@code pkcs11-tool --keypairgen}.
 */
public final class TokenRenewalSpeed {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final int RUNS = 21;

    private TokenRenewalSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Files.createDirectories(conf.getParent().resolve("tokens"));
        Files.writeString(conf, "directories.tokendir = " + conf.getParent().resolve("tokens")
                + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        String label = "bench";
        exec("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", "1234");

        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair caKey = g.generateKeyPair();
        X500Name caName = new X500Name("CN=Bench CA (TEST)");
        Instant now = Instant.now();
        ContentSigner caSigner = new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate());
        byte[] caCert = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, Date.from(now), Date.from(now.plus(365, ChronoUnit.DAYS)),
                caName, caKey.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(caSigner).getEncoded();

        Pkcs11TokenWriter writer = new Pkcs11TokenWriter(TokenProfile.byId("softhsm2"));
        TokenTarget target = TokenTarget.token("softhsm2", label);
        char[] pin = "1234".toCharArray();
        writer.generateKey(target, pin, "ff00", "CN=warm up");   // module load and C_Initialize, outside the runs
        writer.discard(target, pin, "ff00");

        long[] full = new long[RUNS];
        long[] raw = new long[RUNS];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < RUNS; i++) {
            String keyId = HexFormat.of().formatHex(("RN-" + i).getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            GeneratedKey key = writer.generateKey(target, pin, keyId, "CN=CHAN Tai Man " + i + ", O=e-Cert Counter TEST");
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(key.csrDer());
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new IllegalStateException("CSR does not verify");
            }
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(caName, new BigInteger(64, random).setBit(63),
                    Date.from(now), Date.from(now.plus(365, ChronoUnit.DAYS)), csr.getSubject(), csr.getSubjectPublicKeyInfo());
            byte[] cert = b.build(caSigner).getEncoded();
            writer.install(target, pin, keyId, cert, List.of(caCert));
            full[i] = System.nanoTime() - t0;

            long r0 = System.nanoTime();
            exec("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", "1234", "--keypairgen",
                    "--key-type", "rsa:2048", "--id", String.format("ee%02x", i), "--label", "raw-" + i);
            raw[i] = System.nanoTime() - r0;
            System.out.printf("run %2d: full %6.1f ms, raw pkcs11-tool %6.1f ms%n", i, full[i] / 1e6, raw[i] / 1e6);
        }
        exec("softhsm2-util", "--delete-token", "--token", label);
        double fullMs = median(full) / 1e6;
        double rawMs = median(raw) / 1e6;
        System.out.printf("RESULT token overhead_ratio=%.2f full_ms=%.1f raw_ms=%.1f%n", fullMs / rawMs, fullMs, rawMs);
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }
}
