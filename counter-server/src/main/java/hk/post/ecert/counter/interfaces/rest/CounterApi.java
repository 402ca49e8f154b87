package hk.post.ecert.counter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Operators' and checks' HTTP API, under {@code /api}. */
@ApplicationPath("/api")
public class CounterApi extends Application {
}
