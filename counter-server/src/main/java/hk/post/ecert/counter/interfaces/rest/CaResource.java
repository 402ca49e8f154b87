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

/**
 * Each CA's certificate for relying parties, without a login: {@code GET /api/ca/<id>.crt} (DER), as named in the
 * issued certificates' Authority Information Access.
 */
@Path("/ca")
public class CaResource {

    @Inject
    CertificateAuthority ca;

    @GET
    @Path("{id}.crt")
    @Produces("application/pkix-cert")
    public Response certificate(@PathParam("id") String id) {
        if (!List.of("root", "2-17", "2-15", "server").contains(id)) {
            throw new NotFoundException("no CA " + id);
        }
        return Response.ok(ca.caCertificate(id)).header("Content-Disposition", "attachment; filename=\"" + id + ".crt\"").build();
    }
}
