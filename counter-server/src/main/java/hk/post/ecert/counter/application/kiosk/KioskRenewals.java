package hk.post.ecert.counter.application.kiosk;

import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import hk.post.ecert.counter.application.renewal.RenewalWindows;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.kiosk.KioskAnswers;
import hk.post.ecert.counter.domain.model.kiosk.KioskRecords;
import hk.post.ecert.counter.domain.model.kiosk.PreparedRenewal;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.wire.Json;
import jakarta.enterprise.context.ApplicationScoped;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A renewal prepared at a kiosk (issue 17): the customer, their certificate checked there, chooses the term and types
 * what the form asks of them; the kiosk prints their queue ticket. At the counter the clerk calls the ticket and the
 * case opens with what the customer entered, its CPos 798 form pre-filled (with its page QR) for the customer to
 * check and sign; the identity is checked face to face as for any case.
 */
@ApplicationScoped
public class KioskRenewals {

    /** What a customer may type at the kiosk for the form (anything else is not taken). */
    public static final List<String> FIELDS = List.of("contact_email", "phone", "addr_room", "addr_building", "addr_street", "addr_district",
            "email_in_cert");

    @Inject
    KioskRecords records;

    @Inject
    SubscriberRegistry registry;

    @Inject
    RenewalWindows windows;

    @Inject
    Triage triage;

    @Inject
    RenewalCases cases;

    @Inject
    DeviceJobs jobs;

    @Inject
    CounterOverview counters;

    @Inject
    RenewalCaseRepository caseRecords;

    /** Whether the counter can open this certificate's renewal now, as the kiosk would prepare it. */
    @Transactional
    public boolean preparable(String serialHex) {
        return notPreparable(serialHex).isEmpty();
    }

    /**
     * Why the kiosk cannot prepare this renewal, in the customer's words, or empty when it can (issue 29). The kiosk
     * asks the same question the counter will: the case is opened in memory exactly as calling the ticket opens it —
     * the variant's own delivery, the window, every rule of {@link RenewalCase#open} — and a fee must be set for at
     * least one term. A Server certificate's names are confirmed with the clerk, so it is not prepared here.
     */
    @Transactional
    public Optional<Bilingual> notPreparable(String serialHex) {
        SubscriberCertificate c = registry.bySerial(serialHex).orElse(null);
        if (c == null || triage.catalogue().type(c.typeCode()).channel() != Channel.COUNTER
                || c.newApplicationNeeded(registry.today()).isPresent() || windows.of(c).position() != RenewalWindow.Position.OPEN) {
            return Optional.of(new Bilingual("This certificate cannot be renewed now.", "此證書現時不能續期。"));
        }
        if ("SERVER".equals(c.typeCode())) {
            return Optional.of(new Bilingual("Please renew at the counter: the clerk confirms the server names with you.",
                    "請到櫃位續期：職員會與你核對伺服器名稱。"));
        }
        Variant v = variant(c);
        try {
            RenewalCase.open("KIOSK-CHECK", c, triage.catalogue(), c.variantCode(), v.validityYears().get(0), false, List.of(),
                    RenewalCase.ownDelivery(c.typeCode(), v), registry.today(), windows.setting(c.typeCode()), "kiosk");
        } catch (CaseRefusal refused) {
            return Optional.of(new Bilingual("Please ask at the counter: this renewal needs a clerk's help.",
                    "請到櫃位查詢：此續期須由職員協助辦理。"));
        }
        if (terms(serialHex).isEmpty()) {
            return Optional.of(new Bilingual("Please ask at the counter: the fee for this renewal is not yet published.",
                    "請到櫃位查詢：此續期的費用尚未公布。"));
        }
        return Optional.empty();
    }

    /** The terms the customer may choose for this certificate's variant: those whose fee is set. */
    @Transactional
    public List<Integer> terms(String serialHex) {
        SubscriberCertificate c = registry.bySerial(serialHex).orElseThrow();
        Variant v = variant(c);
        return v.validityYears().stream().filter(y -> triage.fees().quoteRenewal(v, y, 0, registry.today()).isSet()).toList();
    }

    private Variant variant(SubscriberCertificate c) {
        return triage.catalogue().type(c.typeCode()).variant(c.variantCode());
    }

    /** Records the prepared renewal under the office's next ticket and prints the ticket on the kiosk's printer. */
    @Transactional
    public PreparedRenewal prepare(Kiosks.Binding kiosk, String serialHex, int years, Map<String, String> typed, ReceiptLanguage language) {
        if (!preparable(serialHex)) {
            throw new IllegalStateException("certificate " + serialHex + " cannot be renewed at the counter now");
        }
        SubscriberCertificate c = registry.bySerial(serialHex).orElseThrow();
        if (!terms(serialHex).contains(years)) {
            throw new IllegalArgumentException(years + " years is not a term of " + c.variantCode());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = typed.get(f);
            if (v != null && !v.isBlank()) {
                values.put(f, FreeText.check(new Bilingual(f.replace('_', ' '), "聯絡資料"), v.trim(), FreeText.NAME));
            }
        }
        var today = registry.today();
        int sequence = (int) records.preparedOn(kiosk.officeCode(), today) + 1;
        PreparedRenewal p = new PreparedRenewal(kiosk.officeCode(), today, sequence, kiosk.terminalId(), serialHex, c.srn(),
                c.variantCode(), years, Json.write(new LinkedHashMap<String, Object>(values)), Instant.now());
        records.add(p);
        jobs.submitPrintOnce("TICKET-" + kiosk.officeCode() + "-" + today + "-" + p.ticketNumber(), kiosk.terminalId(),
                ticket(p, triage.catalogue().type(c.typeCode()).name().en(), triage.catalogue().type(c.typeCode()).name().zh(),
                        KioskAnswers.toBring(variant(c)), language),
                "Queue ticket " + p.ticketNumber(), kiosk.actor());
        return p;
    }

    private static ReceiptDocument ticket(PreparedRenewal p, String typeEn, String typeZh, List<Bilingual> bring, ReceiptLanguage language) {
        String when = ZonedDateTime.now(TillSession.HONG_KONG)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        boolean zh = language == ReceiptLanguage.ZH;
        ReceiptDocument.Builder t = ReceiptDocument.builder("TICKET-" + p.ticketNumber())
                .title(zh ? "輪候票 QUEUE TICKET" : "QUEUE TICKET 輪候票")
                .centered(p.ticketNumber())
                .rule()
                .text(zh ? "續期：" + typeZh + " " + typeEn : "Renewal: " + typeEn + " " + typeZh)
                .columns("SRN", p.srn())
                .columns(zh ? "年期 Term" : "Term 年期", p.years() + (zh ? " 年 years" : " years 年"))
                .columns(zh ? "時間 Time" : "Time 時間", when)
                .rule()
                .text(zh ? "叫號時請帶同以下文件到櫃位 When called, bring to the counter:" : "When called, bring to the counter 叫號時請帶同:");
        // what this variant's renewal needs (issue 29), not only the HKID card
        for (Bilingual b : bring) {
            t.text("- " + (zh ? b.zh() + " " + b.en() : b.en() + " " + b.zh()));
        }
        return t.feed(2).cut().build();
    }

    /** A case's form as the customer prepared it at the kiosk: the ticket, what they typed, whether it was read back. */
    public record Prepared(String ticketNumber, Map<String, String> values, Optional<String> checkedBy) {
    }

    /** What the customer prepared at the kiosk for this case, if it came from a ticket. */
    @Transactional
    public Optional<Prepared> preparedFor(String caseRef) {
        return records.preparedFor(caseRef).map(p -> {
            Map<String, String> typed = new LinkedHashMap<>();
            Json.readObject(p.valuesJson()).forEach((k, v) -> typed.put(k, String.valueOf(v)));
            return new Prepared(p.ticketNumber(), typed, p.formCheckedBy());
        });
    }

    /** The clerk read the prepared form back to the customer, who confirmed it; said once in the case's history. */
    @Transactional
    public void formChecked(String caseRef, String clerk) {
        PreparedRenewal p = records.preparedFor(caseRef).orElseThrow(() -> new IllegalArgumentException("no kiosk ticket for " + caseRef));
        if (p.formChecked(clerk, Instant.now())) {
            caseRecords.event(caseRef, clerk, "the form prepared at the kiosk (ticket " + p.ticketNumber()
                    + ") read back to the customer and confirmed");
        }
    }

    /** What a clerk's call of a ticket found. */
    public record Called(String caseRef, String ticketNumber, String srn) {
    }

    /**
     * The clerk calls a ticket of their office today: its case opens with what the customer entered (once; a ticket
     * called again answers with the case it opened).
     */
    @Transactional
    public Optional<Called> call(String clerk, String typedTicket) {
        Optional<String> number = PreparedRenewal.ticketNumber(typedTicket);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        Optional<PreparedRenewal> found = records.prepared(place.office(), registry.today(), number.get());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PreparedRenewal p = found.get();
        if (p.caseRef().isPresent()) {
            return Optional.of(new Called(p.caseRef().get(), p.ticketNumber(), p.srn()));
        }
        Map<String, String> typed = new LinkedHashMap<>();
        Json.readObject(p.valuesJson()).forEach((k, v) -> typed.put(k, String.valueOf(v)));
        // the variant's own delivery, as the kiosk checked it would be (an MR certificate onto its token at the counter)
        String typeCode = registry.bySerial(p.serialHex()).orElseThrow().typeCode();
        Variant v = triage.catalogue().type(typeCode).variant(p.variantCode());
        RenewalCase k = cases.open(clerk, p.srn(), p.variantCode(), p.years(), false, List.of(), RenewalCase.ownDelivery(typeCode, v),
                null, 0, typed);
        p.wasCalled(clerk, k.caseRef(), Instant.now());
        return Optional.of(new Called(k.caseRef(), p.ticketNumber(), p.srn()));
    }
}
