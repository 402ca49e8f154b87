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

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * The OCSP responder (RFC 6960), without a login: a DER request by POST to {@code /api/ocsp}, or base64 in the path
 * by GET; the answer is signed by the issuing CA. A body is read only up to its limit (16 KiB), and the GET form is
 * percent-decoded once (issue 31, finding 6).
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
    public Response ocsp(InputStream body) throws IOException {
        // read at most one byte past the limit: a larger body is refused without being read whole
        byte[] request = body == null ? new byte[0] : body.readNBytes(MAX_REQUEST + 1);
        return answer(request);
    }

    private Response answer(byte[] request) {
        if (request.length == 0 || request.length > MAX_REQUEST) {
            return Response.status(request.length > MAX_REQUEST ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST).build();
        }
        return Response.ok(ca.ocsp(request), OCSP_RESPONSE).build();
    }

    @GET
    @Path("{request: .+}")
    @Produces(OCSP_RESPONSE)
    public Response ocspGet(@PathParam("request") String encoded) {
        // the path parameter is already percent-decoded once; decoding again would read a '+' of the base64 as a space
        if (encoded.length() > MAX_REQUEST * 2) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        }
        byte[] request;
        try {
            request = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return answer(request);
    }
}
