package hk.post.ecert.counter.application.receipt;

import hk.post.ecert.counter.infrastructure.receipt.ReceiptKeys;
import hk.post.ecert.counter.infrastructure.receipt.ReceiptRecords;
import hk.post.ecert.journal.receipt.ReceiptSeal;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Seals every receipt (payment, void, refund, referral slip, the office day's Z report) with a signed statement for its
 * QR code, and checks a seal for the public {@code /verify} page: genuine (and, for a sale, whether it was voided or
 * refunded since), altered, signed by an unknown key, or not a receipt at all.
 */
@ApplicationScoped
public class ReceiptSeals {

    @Inject
    ReceiptKeys keys;

    @Inject
    ReceiptRecords records;

    /** What the check page says. */
    public enum Outcome {
        GENUINE, GENUINE_SINCE_VOIDED, GENUINE_SINCE_REFUNDED,
        /** The signature verifies but the journal does not hold the entry it names as signed. */
        NOT_AS_RECORDED,
        ALTERED, UNKNOWN_KEY, NOT_A_RECEIPT,
        /** Dated after its key was retired, or signed by a key declared compromised at that time (issue 31). */
        KEY_NOT_VALID_THEN
    }

    /** A check's result: the statement when it could be read, the key and whether it has been retired since. */
    public record Check(Outcome outcome, Optional<ReceiptStatement> statement, String keyId, boolean retiredKey) {
        public boolean genuine() {
            return outcome == Outcome.GENUINE || outcome == Outcome.GENUINE_SINCE_VOIDED || outcome == Outcome.GENUINE_SINCE_REFUNDED;
        }
    }

    /** Signs a statement with the active receipt key: the text for the receipt's QR code. */
    public String seal(ReceiptStatement statement) {
        ReceiptKeys.Signer k = keys.signer();
        return ReceiptSeal.seal(statement, k.keyId(), k.key());
    }

    /**
     * The statement of a journalled receipt, whose number is its journal counter and sequence ({@code GPO-C01-000042}):
     * it names the entry's hash as recorded.
     */
    public ReceiptStatement journalled(ReceiptStatement.Kind kind, String office, String transactionNo, Instant at, long totalCents,
                                       List<String> lines) {
        int dash = transactionNo.lastIndexOf('-');
        String counter = transactionNo.substring(0, dash);
        long seq = Long.parseLong(transactionNo.substring(dash + 1));
        String hash = records.entryHash(counter, seq)
                .orElseThrow(() -> new IllegalStateException("no journal entry " + transactionNo));
        return new ReceiptStatement(kind, office, counter, transactionNo, at, totalCents, ReceiptStatement.linesDigest(lines), seq,
                ReceiptStatement.entryHash(hash));
    }

    /** The statement of a paper that is not journalled (a referral slip): no entry, no money. */
    public static ReceiptStatement unjournalled(ReceiptStatement.Kind kind, String office, String counter, String number, Instant at,
                                                List<String> lines) {
        return new ReceiptStatement(kind, office, counter, number, at, 0, ReceiptStatement.linesDigest(lines), 0,
                ReceiptStatement.entryHash(null));
    }

    public Check check(String text) {
        ReceiptSeal.Verdict v = ReceiptSeal.verify(text, keys.keyring());
        return switch (v.outcome()) {
            case MALFORMED -> new Check(Outcome.NOT_A_RECEIPT, Optional.empty(), "", false);
            case UNKNOWN_KEY -> new Check(Outcome.UNKNOWN_KEY, Optional.empty(), v.keyId(), false);
            case ALTERED -> new Check(Outcome.ALTERED, v.statement(), v.keyId(), v.retiredKey());
            case GENUINE -> new Check(recorded(v.statement().orElseThrow()), v.statement(), v.keyId(), v.retiredKey());
            case SIGNED_AFTER_RETIREMENT, KEY_COMPROMISED -> new Check(Outcome.KEY_NOT_VALID_THEN, v.statement(), v.keyId(), true);
        };
    }

    private Outcome recorded(ReceiptStatement s) {
        if (s.journalSeq() <= 0 && s.kind() != ReceiptStatement.Kind.REFERRAL_SLIP) {
            // money (a payment, void, refund, the office day) is always journalled: a statement of money that names no
            // journal entry was not made by a counter, whatever key signed it (issue 31, finding 2)
            return Outcome.NOT_AS_RECORDED;
        }
        if (s.journalSeq() > 0) {
            Optional<String> hash = records.entryHash(s.counter(), s.journalSeq());
            if (hash.isEmpty() || !Arrays.equals(ReceiptStatement.entryHash(hash.get()), s.entryHash())) {
                return Outcome.NOT_AS_RECORDED;
            }
        }
        if (s.kind() == ReceiptStatement.Kind.PAYMENT) {
            return records.reversalOf(s.number())
                    .map(k -> "VOID".equals(k) ? Outcome.GENUINE_SINCE_VOIDED : Outcome.GENUINE_SINCE_REFUNDED)
                    .orElse(Outcome.GENUINE);
        }
        return Outcome.GENUINE;
    }
}
