package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.domain.service.CertificateAuthority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.util.Base64;

/**
 * The OCSP responder (RFC 6960), without a login: a DER request by POST to {@code /api/ocsp}, or base64 in the path
 * by GET; the answer is signed by the issuing CA.
 */
@Path("/ocsp")
public class OcspResource {

    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";
    private static final int MAX_REQUEST = 16 * 1024;

    @Inject
    CertificateAuthority ca;

    @POST
    @Consumes(OCSP_REQUEST)
    @Produces(OCSP_RESPONSE)
    public Response ocsp(byte[] request) {
        if (request == null || request.length == 0 || request.length > MAX_REQUEST) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return Response.ok(ca.ocsp(request), OCSP_RESPONSE).build();
    }

    @GET
    @Path("{request: .+}")
    @Produces(OCSP_RESPONSE)
    public Response ocspGet(@PathParam("request") String encoded) {
        byte[] request;
        try {
            request = Base64.getDecoder().decode(java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return ocsp(request);
    }
}
