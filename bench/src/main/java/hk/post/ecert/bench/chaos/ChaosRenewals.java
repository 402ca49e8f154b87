package hk.post.ecert.bench.chaos;

import hk.post.ecert.devices.scanner.sane.PnmFiles;
import hk.post.ecert.devices.wire.Json;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;

/**
 * A customer due for renewal at a chaos counter, through the same JSON steps as the case and token screens: the case
 * opened for their certificate, to be written onto the token they brought; the signed form scanned page by page on
 * the counter's scanner (saned's {@code pnm} backend serves the page the bench lays on the glass: the form the
 * counter printed for the case); the identity checked; the fee taken at the till and its receipt printed; the case
 * approved by an HKPCA officer (another person); then the write onto the customer's SoftHSM2 token followed to its
 * end as a clerk does: a failed attempt started again, a failed write retried with the same certificate. Every id
 * is chosen before its first send.
 */
final class ChaosRenewals {

    /** One counter's renewal desk: its number, its customers' tokens, the scanner's page file, its customers due. */
    record Counter(int n, CustomerTokens tokens, Path pageFile, int customers, Queue<Renewal> done) {
    }

    /** A renewal through the day: its case, the token the customer brought, the payment, and how it ended for the clerk. */
    record Renewal(String caseRef, int counter, String clerk, String label, String paymentId, String transaction,
                   String receiptJob, int attempts, String end) {
    }

    private static final int TOKEN_PATIENCE_S = 480;

    private final Counter desk;
    private final ChaosCaller clerk;
    private final ChaosCaller officer;
    private final Queue<String> errors;
    private int next;

    ChaosRenewals(Counter desk, ChaosCaller clerk, ChaosCaller officer, Queue<String> errors) {
        this.desk = desk;
        this.clerk = clerk;
        this.officer = officer;
        this.errors = errors;
    }

    /** A blank page on the counter's glass, for scans that are not a case's form. */
    static void blankPage(Path pageFile) throws IOException {
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        var g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.drawString("CHAOS supporting page", 100, 100);
        g.dispose();
        lay(page, pageFile);
    }

    /** The page laid on the glass at once (a scan in progress reads the whole of the previous one). */
    private static void lay(BufferedImage page, Path pageFile) throws IOException {
        Path tmp = pageFile.resolveSibling(pageFile.getFileName() + ".new");
        PnmFiles.write(page, tmp);
        Files.move(tmp, pageFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The next customer due for renewal at this counter, if any is left. */
    void renewNext() throws InterruptedException {
        if (next >= desk.customers()) {
            return;
        }
        int j = ++next;
        String caseRef = null;
        String label = String.format("c%03d-%03d", desk.n(), j);
        String paymentId = "PAY-" + clerk.user().toUpperCase() + "-R" + j + "-" + UUID.randomUUID();
        String[] paid = {null, null};
        int[] attempts = {0};
        String end;
        try {
            caseRef = field(clerk.post("case", "api/counter/cases?certificate=" + String.format("SRN-R-%03d%03d", desk.n(), j)
                    + "&variant=STANDARD&years=3&delivery=TOKEN_AT_COUNTER&medium=softhsm2"), "case");
            scanTheForm(caseRef);
            identity(caseRef, j);
            pay(caseRef, paymentId, paid);
            approve(caseRef);
            desk.tokens().bring(label);
            end = write(caseRef, label, attempts);
        } catch (ChaosCaller.Refused r) {
            end = "refused: " + r.getMessage();
        } catch (IOException e) {
            end = "gave up: " + e.getMessage();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            end = "failed: " + e;
        }
        if (!"COMPLETED".equals(end)) {
            errors.add(clerk.user() + " renewal " + caseRef + ": " + end);
        }
        desk.done().add(new Renewal(caseRef, desk.n(), clerk.user(), label, paid[0] == null ? null : paymentId, paid[0], paid[1],
                attempts[0], end));
    }

    private Map<String, Object> state(String caseRef) throws Exception {
        return Json.readObject(clerk.get("case", "api/counter/cases?ref=" + caseRef));
    }

    /** The form the counter printed for the case, signed, each page scanned until the case has it (found by its QR). */
    private void scanTheForm(String caseRef) throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (Object form : (List<?>) state(caseRef).get("forms")) {
            byte[] pdf = clerk.download("form", "capture/file?case=" + caseRef + "&form=" + enc(String.valueOf(form)));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDFRenderer r = new PDFRenderer(doc);
                for (int p = 0; p < doc.getNumberOfPages(); p++) {
                    pages.add(r.renderImageWithDPI(p, 300, ImageType.GRAY));
                }
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            lay(pages.get(p), desk.pageFile());
            int want = p + 1;
            for (int tries = 0; number(state(caseRef), "formPagesCaptured") < want; tries++) {
                if (tries == 8) {
                    throw new IOException("page " + want + " of the form never arrived");
                }
                clerk.post("scan", "api/counter/scans?caseRef=" + caseRef + "&jobId=SCAN-" + UUID.randomUUID());
                waitFor(() -> number(state(caseRef), "formPagesCaptured") >= want, 60);
            }
        }
        for (int tries = 0; !Boolean.TRUE.equals(state(caseRef).get("documentsArchived")); tries++) {
            if (tries == 20) {
                throw new IOException("the documents were never archived");
            }
            clerk.post("documents", "api/counter/cases/documents?case=" + caseRef);
        }
    }

    /** Rule 8: the HKID, name and date of birth on record for BENCH renewal subscribers (BenchCounters). */
    private void identity(String caseRef, int j) throws Exception {
        try {
            clerk.post("identity", "api/counter/cases/identity?case=" + caseRef + "&idNumber=" + enc(hkid(desk.n(), j))
                    + "&name=" + enc("BENCH RENEWAL " + desk.n() + " " + j)
                    + "&dateOfBirth=" + LocalDate.of(1960, 1, 1).plusDays(desk.n() * 1000L + j));
        } catch (ChaosCaller.Refused r) {
            if (!Boolean.TRUE.equals(state(caseRef).get("identityChecked"))) {
                throw r;   // not a repeat of a check that landed: a real refusal
            }
        }
    }

    private void pay(String caseRef, String paymentId, String[] paid) throws Exception {
        long fee = number(state(caseRef), "feeCents");
        String answer = clerk.post("pay", "api/counter/cases/payment?case=" + caseRef + "&paymentId=" + paymentId + "&cashCents=" + fee);
        paid[0] = field(answer, "transaction");
        paid[1] = field(clerk.post("receipt", "api/counter/receipts?paymentId=" + paymentId), "job");
    }

    private void approve(String caseRef) throws Exception {
        waitFor(() -> java.util.Set.of("VETTING", "APPROVED").contains(String.valueOf(state(caseRef).get("state"))), 60);
        try {
            officer.post("approve", "api/vetting/approvals?case=" + caseRef + "&note=" + enc("chaos: documents seen"));
        } catch (ChaosCaller.Refused r) {
            if (!"APPROVED".equals(state(caseRef).get("state"))) {
                throw r;   // not a repeat of an approval that landed
            }
        }
    }

    /** The write followed to its end: a new attempt after a failure before issuance, a retry of a failed write. */
    private String write(String caseRef, String label, int[] attempts) throws Exception {
        long deadline = System.nanoTime() + TOKEN_PATIENCE_S * 1_000_000_000L;
        String start = "api/counter/cases/token?case=" + caseRef + "&label=" + label + "&pin=" + CustomerTokens.PIN;
        Map<String, Object> w = Json.readObject(clerk.post("token", start));
        attempts[0]++;
        while (System.nanoTime() < deadline) {
            String state = String.valueOf(w.get("state"));
            if ("VERIFIED".equals(state) && "COMPLETED".equals(w.get("caseState"))) {
                return "COMPLETED";
            }
            if ("FAILED".equals(state) || "REVOKED".equals(state)) {
                w = Json.readObject(clerk.post("token", start));   // the customer types the PIN again: a new attempt
                attempts[0]++;
                continue;
            }
            if ("WRITE_FAILED".equals(state)) {
                w = Json.readObject(clerk.post("retry", "api/counter/cases/token/retry?renewal=" + w.get("renewal")
                        + "&pin=" + CustomerTokens.PIN));
                continue;
            }
            Thread.sleep(1000);
            w = Json.readObject(clerk.get("token", "api/counter/cases/token?ref=" + caseRef));
        }
        return "still " + w.get("state") + " after " + TOKEN_PATIENCE_S + " s";
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition c, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!c.holds() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
    }

    private static long number(Map<String, Object> m, String name) {
        Object v = m.get(name);
        return v == null ? 0 : new java.math.BigDecimal(String.valueOf(v)).longValue();
    }

    private static String field(String json, String name) {
        Object v = Json.readObject(json).get(name);
        return v == null ? null : String.valueOf(v);
    }

    /** A BENCH renewal subscriber's HKID: the stem R + counter + number, with its check digit (the HKID scheme, mod 11). */
    static String hkid(int counter, int n) {
        String digits = String.format("%03d%03d", counter, n);
        int sum = 36 * 9 + ('R' - 'A' + 10) * 8;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        int r = 11 - sum % 11;
        return "R" + digits + "(" + (r == 11 ? '0' : r == 10 ? 'A' : (char) ('0' + r)) + ")";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
