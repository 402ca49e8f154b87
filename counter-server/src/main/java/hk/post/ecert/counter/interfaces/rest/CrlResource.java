package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.domain.service.CertificateAuthority;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code GET /api/crl/{ca}.crl}: the current CRL of an issuing CA ({@code 2-17}, {@code 2-15}, {@code server}). */
@Path("/crl")
public class CrlResource {

    @Inject
    CertificateAuthority ca;

    @GET
    @Path("/{ca}.crl")
    @Produces("application/pkix-crl")
    public Response crl(@PathParam("ca") String issuingCa) {
        if (!List.of("2-17", "2-15", "server").contains(issuingCa)) {
            throw new NotFoundException("no issuing CA " + issuingCa);
        }
        return Response.ok(ca.crl(issuingCa)).header("Content-Disposition", "attachment; filename=\"" + issuingCa + ".crl\"").build();
    }
}
