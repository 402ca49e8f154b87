package hk.post.ecert.counter.interfaces.rest;

import hk.post.ecert.counter.domain.model.capture.CaptureRefusal;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.devices.wire.Json;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What the counter's JSON API shares: a write's JSON body and its fields, and how an answer or a refusal is sent —
 * 200 with the answer; 409 with the counter's reason when a rule refused; 404 alike when the case belongs to another
 * office; 404 for no such case or renewal; 400 for a request that is not well formed.
 */
final class JsonCalls {

    private JsonCalls() {
    }

    /** The case or renewal named is another office's: nothing about it is told. */
    static final class OtherOffice extends RuntimeException {
        OtherOffice(String ref) {
            super(ref + " belongs to another office");
        }
    }

    interface Body {
        Object get();
    }

    /** A write's JSON body (a cross-site form cannot send one); its fields by name. */
    static Map<String, Object> body(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("a JSON body is needed");
        }
        return Json.readObject(json);
    }

    static String text(Map<String, Object> b, String name) {
        Object v = b.get(name);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(name + " is needed");
        }
        return String.valueOf(v);
    }

    /** A field that may be left out (null then). */
    static String optional(Map<String, Object> b, String name) {
        Object v = b.get(name);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
    }

    static long number(Map<String, Object> b, String name) {
        try {
            return new java.math.BigDecimal(text(b, name)).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    static Response answer(Body b) {
        try {
            return Response.ok(Json.write(b.get())).build();
        } catch (PosRefusal | RegistryRefusal | CaptureRefusal | CaseRefusal e) {
            return status(409, "refused", e.getMessage());
        } catch (OtherOffice | NoSuchElementException e) {
            // another office's case or certificate is answered exactly as one that does not exist (issue 31, finding 12)
            return status(404, "error", "not found");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return status(400, "error", String.valueOf(e.getMessage()));
        }
    }

    private static Response status(int code, String key, String message) {
        return Response.status(code).entity(Json.write(Map.of(key, String.valueOf(message)))).build();
    }
}
