package hk.post.ecert.counter.infrastructure.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's key files (the embedded CA's keystore, the journal's checkpoint key, the HKID lookup key, the first
 * administrator's one-time code): in a directory the operator names, never a temporary folder; written readable by
 * the owner only; and made exactly once, even when two instances start together on an empty directory.
 *
 * <p>Why a hard link: {@code rename(2)} silently replaces an existing file, so two instances that each generated a
 * key would each "win" in turn and end up with different keys. {@code link(2)} fails when the name exists, so the
 * second instance learns that it lost, drops its own key and reads the first one's.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The directory a setting names; refusing to start without it (a key made in a temporary folder is lost). */
    public static Path directory(Optional<String> configured, String setting) {
        String d = configured.map(String::trim).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                setting + " is not set: the server's keys need a directory that survives restarts and is shared by every"
                        + " instance (bin/run sets it to data/ca)"));
        Path dir = Path.of(d);
        try {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            } else if (Files.getFileStore(dir).supportsFileAttributeView("posix")
                    && !Files.getPosixFilePermissions(dir).equals(PosixFilePermissions.fromString("rwx------"))) {
                // a key directory others can list or enter is closed to them (issue 31): 0700
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key directory " + dir, e);
        }
        return dir;
    }

    /**
     * The content of {@code file}: read when it exists, otherwise made by {@code make} and published atomically — and
     * if another process published first, theirs.
     */
    public static byte[] createOnce(Path file, Supplier<byte[]> make) {
        try {
            if (Files.exists(file)) {
                requireOwnerOnly(file);
                return Files.readAllBytes(file);
            }
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, make.get());
                ownerReadOnly(tmp);
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException lost) {
                    // another instance made it first: its key is the key
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the key file " + file, e);
        }
    }

    /**
     * An Ed25519 pair kept as one file made once ({@link #createOnce}): the PKCS#8 private key and the X.509 public key,
     * base64, one per line. Returns the file's lines (a file from before the public line was added has one line).
     */
    public static String[] ed25519PairOnce(Path file) {
        byte[] content = createOnce(file, () -> {
            try {
                java.security.KeyPair made = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                return (java.util.Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()) + "\n"
                        + java.util.Base64.getEncoder().encodeToString(made.getPublic().getEncoded()) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        return new String(content, java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+");
    }

    /**
     * Refuses a private key file that its group or others may read or write (issue 31): the server does not start on
     * a key that may already have been copied, and says which file and how to close it.
     */
    public static void requireOwnerOnly(Path file) {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return;
            }
            var perms = Files.getPosixFilePermissions(file);
            for (var p : java.util.List.of(java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                    java.nio.file.attribute.PosixFilePermission.GROUP_WRITE, java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                    java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                if (perms.contains(p)) {
                    throw new IllegalStateException("the key file " + file + " is " + PosixFilePermissions.toString(perms)
                            + ": readable or writable by others than the server's user. Treat the key as exposed; if it is"
                            + " not, close it (chmod 400 " + file + ") and start again.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }

    /**
     * Destroys a private key file that is no longer used (a retired receipt key, issue 31): its bytes are overwritten
     * before it is unlinked, so the key is not left in the file system's free blocks of this file.
     */
    public static void destroy(Path file) {
        try {
            if (!Files.exists(file)) {
                return;
            }
            long size = Files.size(file);
            file.toFile().setWritable(true, true);
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.allocate((int) Math.min(size, 1 << 20)), 0);
                ch.force(true);
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy the key file " + file, e);
        }
    }

    /** Writes a file that may be replaced (e.g. a new one-time code), owner-read-only from the start. */
    public static void replace(Path file, byte[] content) {
        replace(file, content, "r--------");
    }

    /**
     * Writes a file whole or not at all, with these permissions before it has its name (a public key that anyone
     * may read is {@code r--r--r--}).
     */
    public static void replace(Path file, byte[] content, String permissions) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(tmp, content);
            if (permissions.equals("r--------")) {
                ownerReadOnly(tmp);
            } else {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void ownerReadOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--------"));
        } catch (UnsupportedOperationException notPosix) {
            p.toFile().setReadable(false, false);
            p.toFile().setReadable(true, true);
            p.toFile().setWritable(false, false);
        }
    }
}
