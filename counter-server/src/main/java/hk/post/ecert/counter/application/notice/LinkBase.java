package hk.post.ecert.counter.application.notice;

/** The address the public reaches this service at, for links in notices (the port; the HTTP layer implements it). */
public interface LinkBase {

    /** e.g. {@code https://ecert-counter.example/}, always ending with a slash. */
    String baseUrl();
}
