package hk.post.ecert.counter.infrastructure.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFilesTest {

    @Test
    void aKeyOthersMayReadIsRefusedAtStartAndAnOpenKeyDirectoryIsClosed(@TempDir Path tmp) throws Exception {
        // issue 31: 0400 keys in a 0700 directory; a key left 0644 (say by a careless restore) stops the start
        Path dir = Files.createDirectories(tmp.resolve("ca"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = dir.resolve("journal-key.p8");
        Files.writeString(key, "a key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        KeyFiles.directory(Optional.of(dir.toString()), "counter.ca.dir");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "the key directory is closed to others");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> KeyFiles.createOnce(key, () -> new byte[0]));
        assertTrue(refused.getMessage().contains("chmod 400"), refused.getMessage());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        assertEquals("a key", new String(KeyFiles.createOnce(key, () -> new byte[0]), StandardCharsets.US_ASCII));
        // a retired key is destroyed: gone, its bytes overwritten first
        KeyFiles.destroy(key);
        assertTrue(Files.notExists(key));
    }

    @Test
    void withoutADirectoryTheServerRefusesToStartRatherThanKeepKeysInATemporaryFolder() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyFiles.directory(Optional.empty(), "counter.ca.dir"));
        assertTrue(e.getMessage().contains("counter.ca.dir is not set"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> KeyFiles.directory(Optional.of("  "), "counter.ca.dir"));
    }

    @Test
    void aKeyFileIsOwnerReadOnlyInAnOwnerOnlyDirectory(@TempDir Path tmp) throws Exception {
        Path dir = KeyFiles.directory(Optional.of(tmp.resolve("ca").toString()), "counter.ca.dir");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        byte[] k = KeyFiles.createOnce(dir.resolve("k.key"), () -> "secret".getBytes(StandardCharsets.US_ASCII));
        assertEquals("secret", new String(k, StandardCharsets.US_ASCII));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("k.key"))));
        assertEquals("secret", new String(KeyFiles.createOnce(dir.resolve("k.key"), () -> "other".getBytes()), StandardCharsets.US_ASCII),
                "an existing key is read, never replaced");
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDirectoryEndUpWithOneKey(@TempDir Path tmp) throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = tmp.resolve("race-" + round + ".key");
            int racers = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String mine = "key-of-instance-" + i;
                got.add(pool.submit(() -> {
                    go.await();
                    return new String(KeyFiles.createOnce(file, () -> mine.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
                }));
            }
            go.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<String> f : got) {
                seen.add(f.get());
            }
            pool.shutdown();
            assertEquals(1, seen.size(), "every instance holds the same key: " + seen);
            assertEquals(seen.iterator().next(), Files.readString(file));
            try (var left = Files.list(tmp)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left behind");
            }
        }
    }
}
