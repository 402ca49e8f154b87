package hk.post.ecert.counter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * Operators' and checks' HTTP API, under {@code /api}. Jersey's WADL, which would list every resource to anyone, is
 * off (issue 31, finding 10); the API's documented face is {@code /openapi}.
 */
@ApplicationPath("/api")
public class CounterApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
