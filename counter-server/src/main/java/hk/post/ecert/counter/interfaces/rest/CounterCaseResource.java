package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.application.TokenRenewals;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import hk.post.ecert.counter.application.renewal.RenewalIssuance;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static hk.post.ecert.counter.interfaces.rest.JsonCalls.answer;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.body;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.number;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.optional;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.text;

/**
 * A renewal case at the counter as JSON, the same steps and rules as the case and token screens (issue 19: the chaos
 * benchmark renews onto tokens through it): open the case for a certificate, check the customer's identity, scan the
 * signed form ({@code /api/counter/scans} with the case's reference) and archive it, take the fee at the clerk's
 * till — the case then goes to HKPCA by itself — and, once another person approved it
 * ({@code /api/vetting/approvals}), write the renewed certificate onto the customer's token and follow the write.
 * For logged-in clerks only (web.xml); every case step is for the case's own office (403 otherwise); every write takes
 * a JSON body from this server's origin ({@code CrossSiteRequests}); the payment and the token attempt carry ids, so
 * a repeat is answered with the first outcome.
 */
@Path("/counter/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CounterCaseResource {

    @Inject
    RenewalCases cases;

    @Inject
    RenewalIssuance issuance;

    @Inject
    TokenRenewals tokens;

    @Inject
    CaptureDesk capture;

    @Inject
    Checkout checkout;

    @Inject
    CaseAccess access;

    @Context
    SecurityContext security;

    private String clerk() {
        return security.getUserPrincipal().getName();
    }

    /** The case named, if this clerk's office (or an HKPCA officer) may act on it. */
    private String mine(String caseRef) {
        String ref = caseRef == null ? "" : caseRef.trim().toUpperCase(java.util.Locale.ROOT);
        if (cases.view(ref).isEmpty()) {
            throw new NoSuchElementException("no renewal case " + ref);
        }
        if (!access.mayRead(ref, clerk(), security.isUserInRole("HKPCA_OFFICER"))) {
            throw new JsonCalls.OtherOffice(ref);
        }
        return ref;
    }

    /** Opens a case for the certificate ({@code certificate}: its SRN or serial) as the variant, term and delivery given. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            RenewalCase.Delivery delivery;
            try {
                delivery = RenewalCase.Delivery.valueOf(text(b, "delivery"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("delivery is one of " + Arrays.toString(RenewalCase.Delivery.values()));
            }
            RenewalCase k = cases.open(clerk(), text(b, "certificate"), text(b, "variant"), (int) number(b, "years"), false,
                    List.of(), delivery, delivery == RenewalCase.Delivery.TOKEN_AT_COUNTER ? optional(b, "medium") : null);
            return state(k.caseRef());
        });
    }

    /** The case as it is: its state, which counter steps are done, and how many of its form pages were scanned. */
    @GET
    public Response read(@QueryParam("ref") String caseRef) {
        return answer(() -> state(mine(caseRef)));
    }

    private Map<String, Object> state(String ref) {
        RenewalCases.View v = cases.view(ref).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", ref);
        m.put("state", v.renewal().state().name());
        m.put("identityChecked", v.renewal().identityConfirmedBy() != null);
        m.put("documentsArchived", v.documentsSubmitted());
        m.put("paymentId", v.renewal().paymentId() == null ? "" : v.renewal().paymentId());
        m.put("refundOwed", v.renewal().refundOwed());
        v.quote().filter(q -> q.isSet()).ifPresent(q -> m.put("feeCents", q.total().cents()));
        capture.find(ref).ifPresent(c -> {
            m.put("forms", c.forms());
            List<CaptureCase.ChecklistItem> pages = capture.checklist(c).stream().filter(i -> i.form() != null).toList();
            m.put("formPages", pages.size());
            m.put("formPagesCaptured", pages.stream().filter(CaptureCase.ChecklistItem::done).count());
        });
        return m;
    }

    /** Rule 8: the original identity document compared with the form (HKID, name, date of birth as yyyy-mm-dd). */
    @POST
    @Path("/identity")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response identity(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String ref = mine(text(b, "case"));
            LocalDate dob;
            try {
                dob = optional(b, "dateOfBirth") == null ? null : LocalDate.parse(text(b, "dateOfBirth").trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("dateOfBirth is a date as yyyy-mm-dd");
            }
            cases.confirmIdentity(ref, clerk(), text(b, "idNumber"), text(b, "name"), dob);
            return state(ref);
        });
    }

    /** Archives the case's scanned pages once every form page is there (found by its QR); the case may then go to HKPCA. */
    @POST
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response documents(String json) {
        return answer(() -> {
            String ref = mine(text(body(json), "case"));
            if (capture.submitIfComplete(ref, clerk()).isPresent() || capture.find(ref).map(c -> c.submitted()).orElse(false)) {
                cases.documentsSubmitted(ref, clerk());
            }
            return state(ref);
        });
    }

    /** The case's fee at the clerk's open till: {@code cashCents} handed over, or by EPS ({@code tender} EPS, {@code reference}). */
    @POST
    @Path("/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String ref = mine(text(b, "case"));
            String paymentId = text(b, "paymentId");
            List<Payable> fee = List.of(new Payable.CaseFee(ref));
            Tender tender = "EPS".equals(b.get("tender"))
                    ? Tender.eps(checkout.total(fee), text(b, "reference"))
                    : Tender.cash(Money.ofCents(number(b, "cashCents")));
            SaleOutcome sale = checkout.pay(paymentId, clerk(), fee, List.of(tender));
            Map<String, Object> m = state(ref);
            m.put("transaction", sale.transactionNo());
            m.put("changeCents", sale.change().cents());
            return m;
        });
    }

    /**
     * Starts writing the approved case's renewed certificate onto the customer's token ({@code label}; blank: the one
     * token in the reader) with the PIN the customer typed; a repeat while an attempt runs returns that attempt.
     */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startTokenWrite(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String ref = mine(text(b, "case"));
            char[] pin = text(b, "pin").toCharArray();
            try {
                return token(issuance.startTokenWrite(ref, clerk(), optional(b, "label"), pin));
            } finally {
                Arrays.fill(pin, '\0');
            }
        });
    }

    /** The case's latest write (the server completes the case once it is verified on the medium). */
    @GET
    @Path("/token")
    public Response readTokenWrite(@QueryParam("ref") String caseRef) {
        return answer(() -> {
            String ref = mine(caseRef);
            TokenRenewals.View v = tokens.latestOfCase(ref).orElseThrow(() -> new NoSuchElementException("no token write on " + ref));
            return token(v.renewalId());
        });
    }

    /** After a write failed: the same certificate written again, with the PIN typed again. */
    @POST
    @Path("/token/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retryWrite(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String renewal = renewalOfMyOffice(text(b, "renewal"));
            char[] pin = text(b, "pin").toCharArray();
            try {
                tokens.retryWrite(renewal, clerk(), pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
            return token(renewal);
        });
    }

    /** After a write failed and the token is gone: the issued certificate is revoked; a new attempt may start. */
    @POST
    @Path("/token/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(String json) {
        return answer(() -> {
            String renewal = renewalOfMyOffice(text(body(json), "renewal"));
            tokens.revokeAndAbandon(renewal, clerk());
            return token(renewal);
        });
    }

    private String renewalOfMyOffice(String renewalId) {
        TokenRenewals.View v = tokens.view(renewalId).orElseThrow(() -> new NoSuchElementException("no token write " + renewalId));
        mine(v.caseRef());
        return v.renewalId();
    }

    private Map<String, Object> token(String renewalId) {
        TokenRenewals.View v = tokens.view(renewalId).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("renewal", v.renewalId());
        m.put("state", v.state().name());
        m.put("serial", v.serialHex() == null ? "" : v.serialHex());
        m.put("failure", v.failureReason() == null ? "" : v.failureReason());
        m.put("caseState", cases.view(v.caseRef()).map(c -> c.renewal().state().name()).orElse(""));
        return m;
    }
}
