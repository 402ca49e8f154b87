package hk.post.ecert.counter.domain.model.checkout;

import hk.post.ecert.counter.domain.model.till.PosRefusal;

import java.util.Locale;

/**
 * What money buys at the counter: a renewal case's fee, a Bank-Cert (Bank) application's fee, or a subscription
 * extension (one certificate, a number of years). Every sale line carries the {@link #code()} of the payable it
 * pays for, so the journal says what each dollar bought, and a void or refund knows what to undo.
 */
public sealed interface Payable permits Payable.CaseFee, Payable.BankCertFee, Payable.SubscriptionExtension {

    /** The payable as it is written on a sale line ("CASE:RC-…", "BANK:BK-…", "EXT:0A1B…:2"). */
    String code();

    /** The reference a clerk knows it by (the case or application reference, or the certificate's serial). */
    String reference();

    /** The fee of a renewal case opened at the counter. */
    record CaseFee(String caseRef) implements Payable {
        public CaseFee {
            caseRef = required(caseRef);
        }

        @Override
        public String code() {
            return "CASE:" + caseRef;
        }

        @Override
        public String reference() {
            return caseRef;
        }
    }

    /** The fee of a Bank-Cert (Bank) application at the HKPCA desk. */
    record BankCertFee(String applicationRef) implements Payable {
        public BankCertFee {
            applicationRef = required(applicationRef);
        }

        @Override
        public String code() {
            return "BANK:" + applicationRef;
        }

        @Override
        public String reference() {
            return applicationRef;
        }
    }

    /** A subscription extended by a number of years, at a counter or at a kiosk (by EPS). */
    record SubscriptionExtension(String serialHex, int years) implements Payable {
        public SubscriptionExtension {
            // serials are kept as the CA wrote them: lower-case hex without leading zeros
            serialHex = required(serialHex).toLowerCase(Locale.ROOT).replaceFirst("^0x", "").replaceFirst("^0+(?=.)", "");
            if (years < 1) {
                throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, serialHex + " × " + years);
            }
        }

        @Override
        public String code() {
            return "EXT:" + serialHex + ":" + years;
        }

        @Override
        public String reference() {
            return serialHex;
        }
    }

    /** The payable a sale line names; a line of no payable (recorded before the checkout) is refused. */
    static Payable parse(String code) {
        if (code == null) {
            throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, "—");
        }
        String[] p = code.split(":");
        try {
            return switch (p[0]) {
                case "CASE" -> new CaseFee(p[1]);
                case "BANK" -> new BankCertFee(p[1]);
                case "EXT" -> new SubscriptionExtension(p[1], Integer.parseInt(p[2]));
                default -> throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, code);
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, code);
        }
    }

    private static String required(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new PosRefusal(PosRefusal.Reason.NO_CASE);
        }
        return ref.trim();
    }
}
