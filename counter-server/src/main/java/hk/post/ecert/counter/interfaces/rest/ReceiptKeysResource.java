package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.infrastructure.receipt.ReceiptKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/receipt-keys}: the published receipt keys, one line each ({@code <key id> ACTIVE|RETIRED <Ed25519 public
 * key>}), without a login — what {@code bin/verify-receipt} and an auditor need to check receipts offline.
 */
@Path("/receipt-keys")
public class ReceiptKeysResource {

    @Inject
    ReceiptKeys keys;

    @GET
    @Produces("text/plain; charset=UTF-8")
    public Response keys() {
        keys.signer();   // the first key exists once anyone asks
        return Response.ok(keys.keyring().format()).header("Cache-Control", "max-age=300").build();
    }
}
