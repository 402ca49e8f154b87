package hk.post.ecert.counter.interfaces.http;

import hk.post.ecert.counter.application.notice.LinkBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Where links in notices point: {@code counter.public-base-url} when set (production: the address customers reach);
 * otherwise the address of the request that caused the notice (the demo and the tests), else localhost.
 */
@ApplicationScoped
public class PublicBaseUrl implements LinkBase {

    @Inject
    @ConfigProperty(name = "counter.public-base-url")
    Optional<String> configured;

    @Inject
    Instance<HttpServletRequest> request;

    @Override
    public String baseUrl() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String b = configured.get().trim();
            return b.endsWith("/") ? b : b + "/";
        }
        try {
            HttpServletRequest r = request.get();
            return r.getScheme() + "://" + r.getServerName() + ":" + r.getServerPort() + r.getContextPath() + "/";
        } catch (RuntimeException noRequest) {
            return "http://localhost:8080/";
        }
    }
}
