package hk.post.ecert.journal.receipt;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code bin/verify-receipt --keys <file or URL> <seal>}: checks a receipt's QR text offline, with only the published
 * public keys. Prints what the receipt says and exits 0 when genuine; 2 altered, 3 unknown key, 4 not a seal, 1 usage.
 * Whether a sale was voided or refunded since is known only to the counter (its /verify page).
 */
public final class VerifyReceipt {

    private VerifyReceipt() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3 || !args[0].equals("--keys")) {
            System.err.println("usage: verify-receipt --keys <receipt-keys file or URL> <QR text>");
            System.exit(1);
        }
        String keys = args[1].startsWith("http://") || args[1].startsWith("https://")
                ? java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(args[1])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()
                : Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        ReceiptSeal.Verdict v = ReceiptSeal.verify(args[2], ReceiptKeyring.parse(keys));
        System.out.println(describe(v));
        System.exit(switch (v.outcome()) {
            case GENUINE -> 0;
            case ALTERED -> 2;
            case UNKNOWN_KEY -> 3;
            case MALFORMED -> 4;
            case SIGNED_AFTER_RETIREMENT, KEY_COMPROMISED -> 5;
        });
    }

    /** One line for a person: the verdict and what the receipt says. */
    public static String describe(ReceiptSeal.Verdict v) {
        if (v.outcome() == ReceiptSeal.Outcome.MALFORMED) {
            return "MALFORMED: this is not an e-Cert Counter receipt seal";
        }
        ReceiptStatement s = v.statement().orElseThrow();
        String says = s.kind() + " " + s.number() + ", office " + s.office() + " counter " + s.counter() + ", "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Hong_Kong")).format(s.at())
                + " HKT, total HK$" + String.format("%,.2f", java.math.BigDecimal.valueOf(s.totalCents(), 2)) + ", journal #" + s.journalSeq();
        return switch (v.outcome()) {
            case GENUINE -> "GENUINE" + (v.retiredKey() ? " (signed with key " + v.keyId() + ", since retired)" : " (key " + v.keyId() + ")")
                    + ": " + says;
            case ALTERED -> "ALTERED: the signature of key " + v.keyId() + " does not match what the receipt says (" + says + ")";
            case UNKNOWN_KEY -> "UNKNOWN KEY: " + v.keyId() + " is not among the published receipt keys";
            case SIGNED_AFTER_RETIREMENT -> "REFUSED: dated after key " + v.keyId() + " was retired, so no counter signed it (" + says + ")";
            case KEY_COMPROMISED -> "REFUSED: key " + v.keyId() + " was declared compromised before this was signed (" + says + ")";
            case MALFORMED -> throw new IllegalStateException();
        };
    }
}
