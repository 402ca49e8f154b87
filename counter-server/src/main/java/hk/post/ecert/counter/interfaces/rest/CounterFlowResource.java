package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.Tender;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static hk.post.ecert.counter.interfaces.rest.JsonCalls.answer;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.body;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.number;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.text;

/**
 * The counter's subscription-extension flow as JSON for other front ends and the benchmarks — the till, a subscriber's
 * certificates, an extension paid in cash or by EPS, its receipt (or a COPY), a void approved by a supervisor, and a
 * scan into a case's capture (the chaos benchmark, issue 19) — and its refusals as 409: the caller is a
 * logged-in clerk (the staff session cookie; web.xml protects {@code /api/counter/*}). Every write takes a JSON body and
 * the {@code X-Counter-Client} header, and comes from this server's own origin ({@code CrossSiteRequests}), and carries
 * an id chosen by the caller, so a retry is answered with the first outcome.
 */
@Path("/counter")
@Produces(MediaType.APPLICATION_JSON)
public class CounterFlowResource {

    @Inject
    SubscriberRegistry registry;

    @Inject
    PointOfSale pos;

    @Inject
    Checkout checkout;

    @Inject
    TillReceipts receipts;

    @Context
    SecurityContext security;

    private String clerk() {
        return security.getUserPrincipal().getName();
    }

    /** Opens the clerk's till with a float of {@code floatCents} in HK$100 notes (a repeat of the id returns it). */
    @POST
    @Path("/till")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response openTill(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String id = text(b, "id");
            long floatCents = number(b, "floatCents");
            TillSession t = pos.currentTill(clerk()).filter(x -> x.status() == TillSession.Status.OPEN)
                    .orElseGet(() -> pos.open(id, clerk(), CashCount.of(Money.ofCents(floatCents))));
            return Map.of("till", t.tillId(), "status", t.status().name());
        });
    }

    /**
     * Closes the clerk's open till blind with the cash counted ({@code countedCents}): the expected cash and the variance
     * are answered once the count is recorded (a till closes once).
     */
    @POST
    @Path("/till/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response closeTill(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            TillSession t = pos.currentTill(clerk()).filter(x -> x.status() == TillSession.Status.OPEN)
                    .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, clerk()));
            CloseOutcome c = pos.closeBlind(t.tillId(), clerk(), CashCount.of(Money.ofCents(number(b, "countedCents"))));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("till", c.tillId());
            m.put("expectedCents", c.expected().cents());
            m.put("varianceCents", c.variance().cents());
            m.put("status", c.status().name());
            return m;
        });
    }

    @GET
    @Path("/subscribers")
    public Response lookup(@QueryParam("srn") String srn, @QueryParam("reason") String reason) {
        return answer(() -> {
            List<SubscriberCertificate> found = registry.lookup(SubscriberRegistry.LookupBy.SRN, srn, reason, clerk());
            return Map.of("certificates", found.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("serial", c.serialHex());
                m.put("status", c.status(registry.today()).name());
                m.put("subscriptionEnd", String.valueOf(c.subscriptionEnd()));
                m.put("extensionYears", registry.extensionYears(c));
                return m;
            }).toList());
        });
    }

    @GET
    @Path("/extension-quote")
    public Response quote(@QueryParam("serial") String serial, @QueryParam("years") int years, @QueryParam("reason") String reason) {
        return answer(() -> {
            // a quote shows a certificate's state: like any lookup it needs a reason and is audited (issue 31, finding 12)
            SubscriberCertificate c = registry.lookup(SubscriberRegistry.LookupBy.SERIAL, serial, reason, clerk()).stream().findFirst()
                    .orElseThrow(() -> new NoSuchElementException("not found"));
            Quote q = registry.quoteExtension(c, years);
            return q.isSet() ? Map.of("totalCents", q.total().cents()) : Map.of("feeNotSet", true);
        });
    }

    /**
     * Pays a subscription extension and extends it: in cash ({@code cashCents} handed over), or by EPS when {@code tender}
     * is {@code EPS} (the quoted total, with the EPS terminal's {@code reference}).
     */
    @POST
    @Path("/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response extend(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String paymentId = text(b, "paymentId");
            String serial = text(b, "serial");
            int years = (int) number(b, "years");
            List<Payable> basket = List.of(new Payable.SubscriptionExtension(serial, years));
            SaleOutcome sale = checkout.pay(paymentId, clerk(), basket, List.of(tender(b, basket)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transaction", sale.transactionNo());
            m.put("changeCents", sale.change().cents());
            registry.extended(sale, basket.get(0).reference()).ifPresent(x -> m.put("subscriptionEnd", x.newEnd().toString()));
            return m;
        });
    }

    /**
     * One sale for several things bought (a basket): {@code items} is a list of {@code {"case": ref}},
     * {@code {"application": ref}} or {@code {"serial": hex, "years": n}}; paid in cash ({@code cashCents}) or by EPS
     * ({@code tender} EPS, the basket's total, with the EPS terminal's {@code reference}).
     */
    @POST
    @Path("/checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response checkout(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String paymentId = text(b, "paymentId");
            List<Payable> basket = basket(b.get("items"));
            SaleOutcome sale = checkout.pay(paymentId, clerk(), basket, List.of(tender(b, basket)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transaction", sale.transactionNo());
            m.put("totalCents", sale.total().cents());
            m.put("changeCents", sale.change().cents());
            m.put("pays", Checkout.payables(sale).stream().map(Payable::code).toList());
            return m;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Payable> basket(Object items) {
        if (!(items instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("items must be a list of what is bought");
        }
        List<Payable> out = new java.util.ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("each item is an object");
            }
            Map<String, Object> i = (Map<String, Object>) o;
            if (i.get("case") != null) {
                out.add(new Payable.CaseFee(text(i, "case")));
            } else if (i.get("application") != null) {
                out.add(new Payable.BankCertFee(text(i, "application")));
            } else {
                out.add(new Payable.SubscriptionExtension(text(i, "serial"), (int) number(i, "years")));
            }
        }
        return out;
    }

    /** Cash handed over ({@code cashCents}), or EPS for the basket's total as priced now. */
    private Tender tender(Map<String, Object> b, List<Payable> basket) {
        return "EPS".equals(b.get("tender"))
                ? Tender.eps(checkout.total(basket), text(b, "reference"))
                : Tender.cash(Money.ofCents(number(b, "cashCents")));
    }


    /**
     * Voids one of the clerk's sales in the open till, approved by a supervisor of the office who re-authenticates in
     * the same request, and prints the void's receipt. The {@code reversalId} is chosen before the first send: a
     * repeat is answered with the first void and its one receipt job (or, with another {@code printId}, a COPY).
     */
    @POST
    @Path("/voids")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response voidSale(String json) {
        return answer(() -> reverse(body(json), true));
    }

    /**
     * Refunds a sale of an earlier till session of the office, in cash from the clerk's open till, approved as a void
     * is; what the sale bought is undone with it (or the refund is refused, with the reason).
     */
    @POST
    @Path("/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(String json) {
        return answer(() -> reverse(body(json), false));
    }

    private Map<String, Object> reverse(Map<String, Object> b, boolean isVoid) {
        String reversalId = text(b, "reversalId");
        char[] password = text(b, "supervisorPassword").toCharArray();
        try {
            Checkout.Reversal asked = checkout.reverse(reversalId, isVoid, text(b, "transaction"), clerk(), text(b, "reason"),
                    text(b, "supervisor"), password);
            Map<String, Object> m = new LinkedHashMap<>();
            if (asked.pending()) {
                // a kiosk's EPS sale goes back to its card through the kiosk's device: journalled when it approves
                m.put("pending", true);
                m.put("deviceJob", asked.deviceJobId());
                return m;
            }
            ReversalOutcome r = asked.done();
            m.put("transaction", r.transactionNo());
            try {
                // a repeat with another printId prints a COPY of the reversal's receipt
                m.put("job", receipts.printReversal(r, b.get("printId") == null ? r.reversalId() : text(b, "printId"), clerk(),
                        ReceiptLanguage.EN));
            } catch (IllegalStateException | NoSuchElementException e) {
                m.put("printError", String.valueOf(e.getMessage()));   // the reversal stands; its receipt can be printed later
            }
            return m;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Inject
    CaptureDesk capture;

    @Inject
    CaseAccess access;

    /**
     * Scans a page on the flatbed of the clerk's counter into a case's capture (opened for an e-Cert (Personal) form
     * if it is not yet; a case of another office is refused): the {@code jobId} is chosen before the first send, so a
     * repeat is the same scan.
     */
    @POST
    @Path("/scans")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response scan(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String jobId = text(b, "jobId");
            if (!jobId.matches("[A-Za-z0-9-]{6,60}")) {
                throw new IllegalArgumentException("jobId has 6–60 letters, digits or hyphens");
            }
            String caseRef = CaptureCase.normalise(text(b, "caseRef"));
            // another office's case takes no pages from this counter; a renewal case or application reference that
            // is not one of this office's answers alike whether it exists or not (issue 31, finding 12)
            boolean caseReference = caseRef.startsWith("RC-") || caseRef.startsWith("BC-");
            if ((caseReference || capture.find(caseRef).isPresent()) && !access.mayRead(caseRef, clerk(), security.isUserInRole("HKPCA_OFFICER"))) {
                throw new JsonCalls.OtherOffice(caseRef);
            }
            CaptureCase k = capture.open(caseRef, "PERSONAL", "STANDARD", Map.of(), clerk());
            return Map.of("job", capture.scan("JOB-" + jobId, k, clerk(), false, null));
        });
    }

    @POST
    @Path("/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receipt(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String paymentId = text(b, "paymentId");
            // the original's print id is the payment's; any other id prints a COPY (e.g. after a print of unknown outcome)
            String printId = b.get("printId") == null ? paymentId : text(b, "printId");
            return Map.of("job", receipts.printReceipt(paymentId, printId, clerk(), ReceiptLanguage.EN));
        });
    }
}
