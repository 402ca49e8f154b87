package hk.post.ecert.devices.printer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link ReceiptDocument} to and from the JSON tree carried in a print job. */
public final class ReceiptCodec {

    private ReceiptCodec() {
    }

    public static Map<String, Object> toMap(ReceiptDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptId", doc.receiptId());
        m.put("copy", doc.copy());
        List<Object> lines = new ArrayList<>();
        for (ReceiptLine line : doc.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            if (line instanceof ReceiptLine.Text t) {
                l.put("t", "text");
                l.put("text", t.text());
                l.put("align", t.align().name());
                l.put("bold", t.bold());
                l.put("double", t.doubleSize());
            } else if (line instanceof ReceiptLine.Columns c) {
                l.put("t", "columns");
                l.put("label", c.label());
                l.put("value", c.value());
                l.put("bold", c.bold());
            } else if (line instanceof ReceiptLine.Rule) {
                l.put("t", "rule");
            } else if (line instanceof ReceiptLine.Feed f) {
                l.put("t", "feed");
                l.put("lines", f.lines());
            } else if (line instanceof ReceiptLine.QrCode q) {
                l.put("t", "qr");
                l.put("data", q.data());
            } else if (line instanceof ReceiptLine.Barcode b) {
                l.put("t", "barcode");
                l.put("data", b.data());
            } else if (line instanceof ReceiptLine.Cut) {
                l.put("t", "cut");
            } else if (line instanceof ReceiptLine.DrawerKick) {
                l.put("t", "drawer");
            }
            lines.add(l);
        }
        m.put("lines", lines);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ReceiptDocument fromMap(Map<String, Object> m) {
        List<ReceiptLine> lines = new ArrayList<>();
        for (Object o : (List<Object>) m.get("lines")) {
            Map<String, Object> l = (Map<String, Object>) o;
            String type = (String) l.get("t");
            lines.add(switch (type) {
                case "text" -> new ReceiptLine.Text((String) l.get("text"),
                        ReceiptLine.Align.valueOf((String) l.get("align")), flag(l, "bold"), flag(l, "double"));
                case "columns" -> new ReceiptLine.Columns((String) l.get("label"), (String) l.get("value"), flag(l, "bold"));
                case "rule" -> new ReceiptLine.Rule();
                case "feed" -> new ReceiptLine.Feed(((Number) l.get("lines")).intValue());
                case "qr" -> new ReceiptLine.QrCode((String) l.get("data"));
                case "barcode" -> new ReceiptLine.Barcode((String) l.get("data"));
                case "cut" -> new ReceiptLine.Cut();
                case "drawer" -> new ReceiptLine.DrawerKick();
                default -> throw new IllegalArgumentException("unknown receipt line type " + type);
            });
        }
        return new ReceiptDocument((String) m.get("receiptId"), flag(m, "copy"), lines);
    }

    private static boolean flag(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }
}
