package hk.post.ecert.counter.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency rule of ARCHITECTURE.md, checked on the WAR Maven built: the counter server carries the device
 * job vocabulary (devices-api) but no serial, PKCS#11 or SANE driver library, and none of the drivers module.
 */
class WarDependencyRuleIT {

    private static final List<String> FORBIDDEN = List.of("jserialcomm", "ipkcs11wrapper", "pkcs11", "jfreesane", "sane",
            "devices-drivers", "terminal-", "escpos");

    @Test
    void theCounterServerWarCarriesNoDeviceDriverLibrary() throws IOException {
        File war = new File(System.getProperty("counter.war", "target/ROOT.war"));
        assertTrue(war.isFile(), "the WAR is built before the integration tests: " + war);
        try (ZipFile zip = new ZipFile(war)) {
            List<String> libs = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
            assertTrue(libs.stream().anyMatch(n -> n.contains("devices-api")), "the job vocabulary is carried: " + libs);
            for (String lib : libs) {
                String name = lib.toLowerCase();
                FORBIDDEN.forEach(f -> assertFalse(name.contains(f), "driver library in the WAR: " + lib));
            }
            assertFalse(zip.stream().map(ZipEntry::getName).anyMatch(n -> n.contains("com/fazecast/")
                    || n.contains("org/xipki/") || n.contains("iaik/") || n.contains("au/com/southsky/jfreesane")
                    || n.contains("hk/post/ecert/devices/printer/escpos/")), "no driver classes anywhere in the WAR");
        }
    }
}
