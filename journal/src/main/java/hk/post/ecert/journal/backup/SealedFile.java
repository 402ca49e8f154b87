package hk.post.ecert.journal.backup;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A file encrypted and authenticated with a 256-bit key that is never stored with it (issue 31, finding 1): AES-256-GCM
 * over chunks of at most 1 MiB, each sealed with its index and whether it is the last, under a key of its own for this
 * file (HMAC-SHA256 of the backup key and the file's random id). A changed, reordered, dropped or cut-short chunk, or
 * the wrong key, fails the whole file before any of it is used.
 *
 * <p>Layout: {@code "ECBK0001"} | 16-byte file id | chunks of {@code int length | ciphertext with its 16-byte tag}.
 */
public final class SealedFile {

    static final byte[] MAGIC = "ECBK0001".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedFile() {
    }

    /** Encrypts everything read from {@code in} to {@code out}. */
    public static void seal(byte[] key, InputStream in, OutputStream out) throws IOException {
        byte[] fileId = new byte[16];
        RANDOM.nextBytes(fileId);
        byte[] header = header(fileId);
        out.write(header);
        DataOutputStream data = new DataOutputStream(out);
        SecretKeySpec k = fileKey(key, fileId);
        byte[] buf = in.readNBytes(CHUNK);
        int index = 0;
        while (true) {
            byte[] next = buf.length == CHUNK ? in.readNBytes(CHUNK) : new byte[0];
            boolean last = next.length == 0;
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, k, fileId, header, index, last, buf);
            data.writeInt(sealed.length);
            data.write(sealed);
            if (last) {
                break;
            }
            buf = next;
            index++;
        }
        data.flush();
    }

    /** Decrypts and authenticates {@code in} to {@code out}; throws before returning if any part is not genuine. */
    public static void open(byte[] key, InputStream in, OutputStream out) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an encrypted e-Cert Counter backup (an unencrypted or foreign file is refused)");
        }
        byte[] fileId = data.readNBytes(16);
        if (fileId.length != 16) {
            throw new IOException("the backup is cut short");
        }
        byte[] header = header(fileId);
        SecretKeySpec k = fileKey(key, fileId);
        for (int index = 0; ; index++) {
            int length;
            try {
                length = data.readInt();
            } catch (EOFException e) {
                throw new IOException("the backup is cut short: its last part is missing");
            }
            if (length < 16 || length > CHUNK + 16) {
                throw new IOException("the backup is damaged or was altered");
            }
            byte[] sealed = data.readNBytes(length);
            if (sealed.length != length) {
                throw new IOException("the backup is cut short");
            }
            byte[] plain;
            boolean last;
            try {
                plain = crypt(Cipher.DECRYPT_MODE, k, fileId, header, index, false, sealed);
                last = false;
            } catch (IOException notThisWay) {
                plain = crypt(Cipher.DECRYPT_MODE, k, fileId, header, index, true, sealed);
                last = true;
            }
            out.write(plain);
            if (last) {
                if (data.read() != -1) {
                    throw new IOException("the backup has data after its last part: it was altered");
                }
                return;
            }
        }
    }

    private static byte[] header(byte[] fileId) {
        return ByteBuffer.allocate(MAGIC.length + fileId.length).put(MAGIC).put(fileId).array();
    }

    private static SecretKeySpec fileKey(byte[] key, byte[] fileId) throws IOException {
        if (key == null || key.length != 32) {
            throw new IOException("a backup key is 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(fileId), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] fileId, byte[] header, int index, boolean last, byte[] in)
            throws IOException {
        try {
            byte[] nonce = ByteBuffer.allocate(12).put(fileId, 0, 7).putInt(index).put((byte) (last ? 1 : 0)).array();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(header);
            c.updateAAD(ByteBuffer.allocate(5).putInt(index).put((byte) (last ? 1 : 0)).array());
            return c.doFinal(in);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException("the backup does not open with this key, or it was altered: refused", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
