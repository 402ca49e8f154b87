package hk.post.ecert.counter.infrastructure.report;

import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.fontbox.ttf.TrueTypeCollection;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The office day's Z report: a PDF (PDFBox; Traditional Chinese headings with AR PL UMing embedded as a subset
 * when the font is installed) and a CSV export with the same figures. Both are made from a {@link DayReport}, which
 * the journal alone determines.
 */
public final class ZReport {

    static final String[] FONT_FILES = {"/usr/share/fonts/truetype/arphic/uming.ttc"};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TillSession.HONG_KONG);

    public String csv(DayReport r) {
        StringBuilder b = new StringBuilder();
        b.append("section,key,count,amount_hkd\n");
        row(b, "office", r.office(), 0, 0);
        row(b, "day", r.day().toString(), 0, 0);
        r.byFeeItem().forEach((k, v) -> row(b, "fee_item", k, v[0], v[1]));
        r.byTender().forEach((k, v) -> row(b, "tender", k.name(), v[0], v[1]));
        r.byCertificateType().forEach((k, v) -> row(b, "certificate_type", k, v[0], v[1]));
        r.byClerk().forEach((k, v) -> row(b, "clerk", k, v[0], v[1]));
        for (TillLedger l : r.ledgers()) {
            String till = l.tillId();
            row(b, "till_float", till, 0, l.openingFloat().cents());
            row(b, "till_drops", till, 0, l.drops().cents());
            row(b, "till_pickups", till, 0, l.pickups().cents());
            row(b, "till_voids_refunds", till, l.voids() + l.refunds(), -l.reversed().cents());
            row(b, "till_cash_corrections", till, l.correctionNotes().size(), l.cashCorrections().cents());
            row(b, "till_expected_cash", till, 0, l.expectedAtCount().orElse(l.expectedCash()).cents());
            row(b, "till_counted", till, 0, l.counted().map(Money::cents).orElse(0L));
            row(b, "till_variance", till, 0, l.variance().map(Money::cents).orElse(0L));
        }
        epsSettlement(r).forEach((k, v) -> row(b, "eps_settlement", k, v[0], v[1]));
        row(b, "total", "sales", r.sales(), r.netTakings().cents());
        row(b, "total", "expected_cash", 0, r.expectedCash().cents());
        row(b, "total", "counted", 0, r.counted().cents());
        row(b, "total", "variance", 0, r.variance().cents());
        return b.toString();
    }

    /**
     * Each kiosk's EPS as its till journalled it, the batch its device settled, and whether they agree (issue 17): a
     * kiosk with takings and no batch is "not settled".
     */
    public static Map<String, long[]> epsSettlement(DayReport r) {
        Map<String, long[]> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> kiosks = new java.util.TreeSet<>(r.kioskEpsTakings().keySet());
        r.epsSettlements().forEach(s -> kiosks.add(s.terminalId()));
        for (String kiosk : kiosks) {
            long[] took = r.kioskEpsTakings().getOrDefault(kiosk, new long[2]);
            out.put(kiosk + " takings", took);
            java.util.Optional<DayReport.EpsBatch> batch = r.epsSettlements().stream().filter(s -> s.terminalId().equals(kiosk)).findFirst();
            if (batch.isEmpty()) {
                out.put(kiosk + " NOT SETTLED", new long[] {0, 0});
                continue;
            }
            out.put(kiosk + " settled " + batch.get().batchId(), new long[] {batch.get().count(), batch.get().cents()});
            boolean agrees = batch.get().count() == took[0] && batch.get().cents() == took[1];
            out.put(kiosk + (agrees ? " agrees" : " DIFFERS"), new long[] {batch.get().count() - took[0], batch.get().cents() - took[1]});
        }
        return out;
    }

    private static void row(StringBuilder b, String section, String key, long count, long cents) {
        b.append(section).append(',').append(csvField(key)).append(',').append(count).append(',')
                .append(plain(cents)).append('\n');
    }

    private static String csvField(String s) {
        String v = s == null ? "" : s;
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** 1234.50 — a plain decimal for spreadsheets. */
    public static String plain(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100);
    }

    public byte[] pdf(DayReport r, String closedBy, Instant at) {
        return pdf(r, closedBy, at, List.of(), "");
    }

    /**
     * The Z report as a PDF; with the day's signed journal checkpoints (one per counter) and, when {@code seal} is given,
     * a QR code carrying the day's sealed statement, checked like a receipt's at /verify.
     */
    public byte[] pdf(DayReport r, String closedBy, Instant at, List<JournalCheckpoints.Checkpoint> checkpoints,
                      String seal) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDFont cjk = chineseFont(doc);
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"#Z REPORT — OFFICE DAY CLOSE", "Z 報表 — 辦事處日結"});
            lines.add(new String[] {"Office " + r.office() + "   Business day " + r.day(), "辦事處 / 營業日"});
            lines.add(new String[] {"Closed by " + closedBy + " at " + WHEN.format(at), "日結人員 / 時間"});
            lines.add(new String[] {"", ""});
            section(lines, "By fee item", "按收費項目", r.byFeeItem(), k -> k);
            section(lines, "By tender", "按付款方式", toStringKeys(r.byTender()), k -> k);
            section(lines, "By certificate type", "按證書類別", r.byCertificateType(), k -> k);
            section(lines, "By clerk", "按職員", r.byClerk(), k -> k);
            if (!r.kioskEpsTakings().isEmpty() || !r.epsSettlements().isEmpty()) {
                section(lines, "EPS settlement at the kiosks", "自助服務機易辦事結算", epsSettlement(r), k -> k);
            }
            lines.add(new String[] {"#Tills", "錢櫃"});
            for (TillLedger l : r.ledgers()) {
                lines.add(new String[] {l.tillId() + "  " + l.counter() + "  " + l.clerk(), ""});
                lines.add(new String[] {"    float " + l.openingFloat() + "   drops " + l.drops() + "   pickups " + l.pickups()
                        + "   voids/refunds " + (l.voids() + l.refunds()) + " (" + l.reversed() + ")", ""});
                lines.add(new String[] {"    expected " + l.expectedAtCount().orElse(l.expectedCash()) + "   counted "
                        + l.counted().map(Money::toString).orElse("-") + "   VARIANCE "
                        + l.variance().map(Money::toString).orElse("-")
                        + l.varianceReason().map(x -> "   reason: " + x).orElse("")
                        + l.signedOffBy().map(x -> "   signed off: " + x).orElse(""), ""});
                for (String note : l.correctionNotes()) {
                    lines.add(new String[] {"    correction " + note, ""});
                }
            }
            lines.add(new String[] {"", ""});
            lines.add(new String[] {"#Totals", "總計"});
            lines.add(new String[] {"Sales " + r.sales() + "   net takings " + r.netTakings(), "銷售 / 淨收入"});
            lines.add(new String[] {"Expected cash " + r.expectedCash() + "   counted " + r.counted(), "應有現金 / 點算"});
            lines.add(new String[] {"#VARIANCE " + r.variance(), "差額"});
            if (!checkpoints.isEmpty()) {
                lines.add(new String[] {"", ""});
                lines.add(new String[] {"#Signed journal checkpoints (Ed25519)", "已簽署日誌檢查點"});
                for (var cp : checkpoints) {
                    lines.add(new String[] {"    " + cp.counter() + "  #" + cp.seq() + "  " + cp.entryHash().substring(0, 16) + "…  key "
                            + cp.keyId() + "  " + WHEN.format(cp.signedAt()), ""});
                    lines.add(new String[] {"    signature " + cp.signature(), ""});
                }
            }

            PDPage page = null;
            PDPageContentStream cs = null;
            float y = 0;
            for (String[] l : lines) {
                if (cs == null || y < 50) {
                    if (cs != null) {
                        cs.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = page.getMediaBox().getHeight() - 50;
                }
                boolean heading = l[0].startsWith("#");
                String en = heading ? l[0].substring(1) : l[0];
                text(cs, heading ? bold : latin, heading ? 12 : 9, 40, y, en);
                if (cjk != null && !l[1].isEmpty()) {
                    text(cs, cjk, heading ? 12 : 9, 430, y, l[1]);
                }
                y -= heading ? 18 : 13;
            }
            if (!seal.isEmpty()) {
                if (y < 260) {
                    cs.close();
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = page.getMediaBox().getHeight() - 50;
                }
                text(cs, bold, 12, 40, y - 10, "Check this report: scan the QR at /verify, or bin/verify-receipt");
                if (cjk != null) {
                    text(cs, cjk, 10, 40, y - 26, "核對此報表：於 /verify 掃描二維碼，或使用 bin/verify-receipt");
                }
                drawQr(cs, seal, 40, y - 36 - 200, 200);
            }
            cs.close();
            doc.getDocumentInformation().setTitle("Z report " + r.office() + " " + r.day());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A QR code (error correction M, alphanumeric where the text allows) drawn as filled squares. */
    static void drawQr(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        try {
            com.google.zxing.qrcode.encoder.QRCode qr = com.google.zxing.qrcode.encoder.Encoder.encode(text,
                    com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M);
            com.google.zxing.qrcode.encoder.ByteMatrix m = qr.getMatrix();
            int quiet = 4;
            float cell = size / (m.getWidth() + 2 * quiet);
            cs.setNonStrokingColor(java.awt.Color.BLACK);
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row) == 1) {
                        cs.addRect(x + (col + quiet) * cell, y + size - (row + quiet + 1) * cell, cell, cell);
                    }
                }
            }
            cs.fill();
        } catch (com.google.zxing.WriterException e) {
            throw new IOException("cannot make the QR code", e);
        }
    }

    private static Map<String, long[]> toStringKeys(Map<TenderKind, long[]> m) {
        Map<String, long[]> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.label().en() + " " + k.label().zh(), v));
        return out;
    }

    private static void section(List<String[]> lines, String en, String zh, Map<String, long[]> m,
                                Function<String, String> name) {
        lines.add(new String[] {"#" + en, zh});
        m.forEach((k, v) -> lines.add(new String[] {"    " + name.apply(k) + "   x" + v[0] + "   " + Money.ofCents(v[1]), ""}));
        lines.add(new String[] {"", ""});
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(font instanceof PDType0Font ? s : latinOnly(s));
        cs.endText();
    }

    /** Standard-14 fonts cover WinAnsi only; anything else becomes '?'. */
    private static String latinOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(ch == '—' ? '-' : (ch < 256 ? ch : '?'));
        }
        return b.toString();
    }

    private static PDFont chineseFont(PDDocument doc) throws IOException {
        for (String f : FONT_FILES) {
            File file = new File(f);
            if (file.isFile()) {
                TrueTypeCollection ttc = new TrueTypeCollection(file);
                var ttf = ttc.getFontByName("UMingHK");
                if (ttf == null) {
                    ttf = ttc.getFontByName("UMingTW");
                }
                if (ttf != null) {
                    return PDType0Font.load(doc, ttf, true);
                }
            }
        }
        return null;   // headings in English only
    }
}
