package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.application.renewal.CaseVetting;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import static hk.post.ecert.counter.interfaces.rest.JsonCalls.answer;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.body;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.optional;
import static hk.post.ecert.counter.interfaces.rest.JsonCalls.text;

/**
 * The HKPCA vetting desk's decision as JSON, the same rule as the vetting screen: an HKPCA officer (web.xml protects
 * {@code /api/vetting/*}) who did not handle the case at the counter approves a case waiting for vetting. A case
 * delivered by post is issued at once and its PIN is answered once, as the screen shows it once for the PIN envelope.
 */
@Path("/vetting")
@Produces(MediaType.APPLICATION_JSON)
public class VettingResource {

    @Inject
    CaseVetting vetting;

    @Inject
    RenewalCases cases;

    @Context
    SecurityContext security;

    @POST
    @Path("/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response approve(String json) {
        return answer(() -> {
            Map<String, Object> b = body(json);
            String ref = text(b, "case").trim().toUpperCase(java.util.Locale.ROOT);
            if (cases.view(ref).isEmpty()) {
                throw new NoSuchElementException("no renewal case " + ref);
            }
            java.util.Optional<char[]> pin = vetting.approve(ref, security.getUserPrincipal().getName(), optional(b, "note"),
                    Boolean.TRUE.equals(b.get("newNamesApproved")));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", ref);
            m.put("state", cases.view(ref).orElseThrow().renewal().state().name());
            pin.ifPresent(p -> {
                m.put("pin", new String(p));
                java.util.Arrays.fill(p, '\0');
            });
            return m;
        });
    }
}
