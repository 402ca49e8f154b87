package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.escpos.EscPosEncoder;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every receipt layout, in both leading languages, printed through the real ESC/POS encoder into the virtual
 * printer and decoded back: the text must match the reviewed golden transcript in {@code src/test/resources/receipts}.
 */
class ReceiptLayoutGoldenTest {

    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 25, 10, 30, 0, 0, ZoneId.of("Asia/Hong_Kong"));
    private static final Bilingual GPO = new Bilingual("General Post Office", "郵政總局");
    private static final Bilingual CASH = new Bilingual("Cash", "現金");
    private static final Bilingual EPS = new Bilingual("EPS", "易辦事");

    static ReceiptDocument layout(String name, ReceiptLanguage lang) {
        return switch (name) {
            case "payment" -> PaymentReceipt.compose(new PaymentReceipt.Data("PR-0001", GPO, "C01", "clerk1", AT,
                    "GPO-C01-000042",
                    List.of(new PaymentReceipt.Item(new Bilingual("e-Cert (Personal) renewal", "電子證書（個人）續期"), Money.ofDollars(48)),
                            PaymentReceipt.Item.of(new Bilingual("Subscription extension (SRN-P-000001), subscription to 2028-12-31",
                                    "延長登記期（SRN-P-000001），登記期至 2028-12-31"), 2, Money.ofDollars(96))),
                    List.of(new PaymentReceipt.Tender(EPS, Money.ofDollars(50), Optional.of("EPS ref 883311"), false),
                            new PaymentReceipt.Tender(CASH, Money.ofDollars(100), Optional.empty(), true)),
                    Money.ofDollars(6), Optional.of(Hkid.parse("A123456(3)")), "ECR1:R1:PAYMENTSEAL"), lang);
            case "refund" -> VoidRefundReceipt.compose(new VoidRefundReceipt.Data("RF-0002", VoidRefundReceipt.Kind.REFUND,
                    GPO, "C01", "clerk1", AT, "GPO-C01-000050", "GPO-C01-000042",
                    new Bilingual("Application withdrawn", "撤回申請"), "super1", Money.ofDollars(48), CASH, "ECR1:R1:REFUNDSEAL"), lang);
            case "void" -> VoidRefundReceipt.compose(new VoidRefundReceipt.Data("VD-0003", VoidRefundReceipt.Kind.VOID,
                    GPO, "C01", "clerk1", AT, "GPO-C01-000051", "GPO-C01-000049",
                    new Bilingual("Keyed in error", "輸入錯誤"), "super1", Money.ofDollars(150), EPS, "ECR1:R1:VOIDSEAL"), lang);
            case "till-z" -> TillSummarySlip.compose(new TillSummarySlip.Data("Z-0004", TillSummarySlip.Kind.Z, GPO, "C01",
                    "T-GPO-C01-20261125", "clerk1", AT.withHour(9), AT.withHour(17), 12,
                    List.of(new TillSummarySlip.TenderTotal(CASH, 8, Money.ofDollars(384)),
                            new TillSummarySlip.TenderTotal(EPS, 4, Money.ofDollars(600))),
                    Money.ofDollars(500), Money.ofDollars(300), Money.ZERO, Money.ofDollars(584),
                    Optional.of(Money.ofCents(58350))), lang);
            case "referral" -> {
                CertificateType t = Catalogue.loadDefault().type("ORGANISATIONAL_ROLE");
                yield ReferralSlip.compose("RS-0005", t, t.variant("HOSPITAL_AUTHORITY"), GPO, "C01", "clerk1", AT, lang);
            }
            case "next-steps-server" -> {
                CertificateType t = Catalogue.loadDefault().type("SERVER");
                yield NextStepsSlip.compose("NS-RC-20261125-0A1B2C", "RC-20261125-0A1B2C", t, t.variant("WILDCARD"),
                        hk.post.ecert.counter.domain.model.renewal.RenewalCase.Delivery.CSR, GPO, "C01", "clerk1", AT, lang);
            }
            case "next-steps-post" -> {
                CertificateType t = Catalogue.loadDefault().type("PERSONAL");
                yield NextStepsSlip.compose("NS-RC-20261125-0D1E2F", "RC-20261125-0D1E2F", t, t.variant("STANDARD"),
                        hk.post.ecert.counter.domain.model.renewal.RenewalCase.Delivery.DISPATCH, GPO, "C01", "clerk1", AT, lang);
            }
            case "next-steps-mr" -> {
                CertificateType t = Catalogue.loadDefault().type("ORGANISATIONAL");
                yield NextStepsSlip.compose("NS-RC-20261125-0F1F2F", "RC-20261125-0F1F2F", t, t.variant("MR_FEITIAN"),
                        hk.post.ecert.counter.domain.model.renewal.RenewalCase.Delivery.TOKEN_AT_COUNTER, GPO, "C01", "clerk1", AT, lang);
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    static PrintedReceipt printAndDecode(ReceiptDocument doc) throws IOException {
        PrinterProfile profile = PrinterProfile.byId("hk-big5-80");
        VirtualPrinter printer = new VirtualPrinter(profile);
        printer.serve(new ByteArrayInputStream(new EscPosEncoder(profile).encode(doc)), new ByteArrayOutputStream());
        assertEquals(1, printer.receipts().size(), "one receipt, cut once");
        return printer.receipts().get(0);
    }

    @ParameterizedTest(name = "{0} receipt, {1} first")
    @CsvSource({"payment, EN", "payment, ZH", "refund, EN", "refund, ZH", "void, EN", "void, ZH",
            "till-z, EN", "till-z, ZH", "referral, EN", "referral, ZH", "next-steps-server, EN", "next-steps-server, ZH",
            "next-steps-post, EN", "next-steps-post, ZH", "next-steps-mr, EN"})
    void decodesToTheGoldenText(String name, ReceiptLanguage lang) throws IOException {
        PrintedReceipt printed = printAndDecode(layout(name, lang));
        String actual = printed.text() + "\n";
        String file = name + "-" + lang.name().toLowerCase() + ".txt";
        try (InputStream in = getClass().getResourceAsStream("/receipts/" + file)) {
            if (in == null) {
                Path out = Path.of("target", "receipts-actual", file);
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual);
            }
            assertNotNull(in, "no golden transcript " + file + "; the actual one is in target/receipts-actual for review");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
        }
        if (name.equals("payment")) {
            assertTrue(printed.drawerKicked(), "a sale with cash opens the drawer");
            assertTrue(!actual.contains("A123456"), "the HKID is masked on the receipt");
        } else {
            assertTrue(!printed.drawerKicked(), name + " does not open the drawer");
        }
    }
}
