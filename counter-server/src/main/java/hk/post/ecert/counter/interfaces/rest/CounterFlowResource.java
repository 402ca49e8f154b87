package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.pos.TillBook;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.till.CashCount;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counter's subscription-extension flow as JSON for other front ends and the load benchmark: the caller is a
 * logged-in clerk (the staff session cookie; web.xml protects {@code /api/counter/*}). Every write carries an id
 * chosen by the caller, so a retry is answered with the first outcome.
 */
@Path("/counter")
@Produces(MediaType.APPLICATION_JSON)
public class CounterFlowResource {

    @Inject
    SubscriberRegistry registry;

    @Inject
    PointOfSale pos;

    @Context
    SecurityContext security;

    private String clerk() {
        return security.getUserPrincipal().getName();
    }

    /** Opens the clerk's till with a float of {@code floatCents} in HK$100 notes (a repeat of the id returns it). */
    @POST
    @Path("/till")
    public Response openTill(@QueryParam("id") String id, @QueryParam("floatCents") long floatCents) {
        return refusals(() -> {
            TillBook.Till t = pos.currentTill(clerk()).filter(x -> x.status() == TillBook.Status.OPEN)
                    .orElseGet(() -> pos.open(id, clerk(), CashCount.of(Money.ofCents(floatCents))));
            return Map.of("till", t.tillId(), "status", t.status().name());
        });
    }

    @GET
    @Path("/subscribers")
    public Response lookup(@QueryParam("srn") String srn, @QueryParam("reason") String reason) {
        return refusals(() -> {
            List<SubscriberCertificate> found = registry.lookup(SubscriberRegistry.LookupBy.SRN, srn, reason, clerk());
            return Map.of("certificates", found.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("serial", c.serialHex());
                m.put("status", c.status(registry.today()).name());
                m.put("subscriptionEnd", String.valueOf(c.subscriptionEnd()));
                m.put("extensionYears", c.extensionYearsAvailable(registry.today()));
                return m;
            }).toList());
        });
    }

    @GET
    @Path("/extension-quote")
    public Response quote(@QueryParam("serial") String serial, @QueryParam("years") int years) {
        return refusals(() -> {
            SubscriberCertificate c = registry.bySerial(serial).orElseThrow(() -> new IllegalArgumentException("no certificate " + serial));
            Quote q = registry.quoteExtension(c, years);
            return q.isSet() ? Map.of("totalCents", q.total().cents()) : Map.of("feeNotSet", true);
        });
    }

    /** Pays a subscription extension in cash and extends it; then sends the receipt to the counter's printer. */
    @POST
    @Path("/extensions")
    public Response extend(@QueryParam("paymentId") String paymentId, @QueryParam("serial") String serial,
                           @QueryParam("years") int years, @QueryParam("cashCents") long cashCents) {
        return refusals(() -> {
            TillBook.Till till = pos.currentTill(clerk()).filter(x -> x.status() == TillBook.Status.OPEN)
                    .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, clerk()));
            SubscriberRegistry.Extended x = registry.payAndExtend(paymentId, serial, years, till.tillId(), clerk(),
                    List.of(Tender.cash(Money.ofCents(cashCents))));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transaction", x.sale().transactionNo());
            m.put("changeCents", x.sale().change().cents());
            m.put("subscriptionEnd", x.newEnd().toString());
            return m;
        });
    }

    @POST
    @Path("/receipts")
    public Response receipt(@QueryParam("paymentId") String paymentId) {
        return refusals(() -> Map.of("job", pos.printReceipt(paymentId, paymentId, clerk(), ReceiptLanguage.EN)));
    }

    interface Body {
        Object get();
    }

    private static Response refusals(Body b) {
        try {
            return Response.ok(hk.post.ecert.devices.wire.Json.write(b.get())).build();
        } catch (PosRefusal e) {
            return Response.status(409).entity(hk.post.ecert.devices.wire.Json.write(Map.of("refused", e.getMessage()))).build();
        } catch (RegistryRefusal e) {
            return Response.status(409).entity(hk.post.ecert.devices.wire.Json.write(Map.of("refused", e.getMessage()))).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Response.status(400).entity(hk.post.ecert.devices.wire.Json.write(Map.of("error", String.valueOf(e.getMessage())))).build();
        }
    }
}
