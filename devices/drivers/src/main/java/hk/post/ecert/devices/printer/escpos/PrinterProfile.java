package hk.post.ecert.devices.printer.escpos;

import hk.post.ecert.devices.wire.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What one printer model can do, kept as data ({@code printer-profiles.json}): paper width in dots and columns,
 * the single-byte code page, how it prints Chinese (Big5 through {@code FS &}, or as a raster image where it has no
 * Chinese font), and whether it knows QR codes, barcodes, real-time status and the drawer kick.
 */
public record PrinterProfile(String id, String name, int dotsPerLine, int columnsFontA, int columnsFontB, int codePage,
                             String charset, ChineseMode chinese, boolean qr, boolean barcode, boolean statusCommands,
                             boolean drawer) {

    /** How a profile prints Traditional Chinese. */
    public enum ChineseMode {
        /** Double-byte Big5 (HKSCS) characters between {@code FS &} and {@code FS .}. */
        BIG5,
        /** No Chinese font on the printer: lines with Chinese are rendered to a bitmap and sent as {@code GS v 0}. */
        RASTER
    }

    private static final String RESOURCE = "/hk/post/ecert/devices/printer/escpos/printer-profiles.json";

    @SuppressWarnings("unchecked")
    public static List<PrinterProfile> all() {
        try (InputStream in = PrinterProfile.class.getResourceAsStream(RESOURCE)) {
            Map<String, Object> root = Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<PrinterProfile> out = new ArrayList<>();
            for (Object o : (List<Object>) root.get("profiles")) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new PrinterProfile((String) m.get("id"), (String) m.get("name"), num(m, "dotsPerLine"),
                        num(m, "columnsFontA"), num(m, "columnsFontB"), num(m, "codePage"), (String) m.get("charset"),
                        ChineseMode.valueOf((String) m.get("chinese")), flag(m, "qr"), flag(m, "barcode"),
                        flag(m, "statusCommands"), flag(m, "drawer")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrinterProfile byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no printer profile " + id));
    }

    private static int num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).intValue();
    }

    private static boolean flag(Map<String, Object> m, String k) {
        return Boolean.TRUE.equals(m.get(k));
    }
}
