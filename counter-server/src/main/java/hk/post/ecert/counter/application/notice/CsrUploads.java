package hk.post.ecert.counter.application.notice;

import hk.post.ecert.counter.application.renewal.RenewalIssuance;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.notice.CsrUploadLinks;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.server.CsrRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The AR's CSR upload (issue 30): a one-time, expiring, unguessable link e-mailed when HKPCA approves a Server case;
 * the CSR uploaded through it is checked by the same rules as at the counter and, when good, the certificate is issued
 * and the link is spent. Only a digest of the link's secret is stored.
 */
@ApplicationScoped
public class CsrUploads {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Inject
    CsrUploadLinks links;

    @Inject
    LinkBase base;

    @Inject
    RenewalIssuance issuance;

    /** How long an upload link lasts, in days. */
    @Inject
    @ConfigProperty(name = "counter.notice.csr-link-days", defaultValue = "30")
    int linkDays;

    /** A link just made: its address (with the secret) and the day it runs out. */
    public record NewLink(String url, LocalDate expiresOn) {
    }

    /** Makes a link for the case, in the caller's transaction. */
    public NewLink create(String caseRef) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(linkDays));
        links.add(digest(token), caseRef, now, expires);
        return new NewLink(base.baseUrl() + "csr.xhtml?t=" + token, LocalDate.ofInstant(expires, HONG_KONG));
    }

    /** What an upload page shows for a link: the case and the names, or why it cannot be used. */
    public record Opened(Optional<String> caseRef, List<String> names, Optional<Bilingual> refusal) {
    }

    @Transactional
    public Opened open(String token) {
        Optional<CsrUploadLinks.Link> link = find(token);
        if (link.isEmpty()) {
            return new Opened(Optional.empty(), List.of(), Optional.of(UNKNOWN));
        }
        if (link.get().usedAt().isPresent()) {
            return new Opened(Optional.empty(), List.of(), Optional.of(USED));
        }
        if (!link.get().usable(Instant.now())) {
            return new Opened(Optional.empty(), List.of(), Optional.of(EXPIRED));
        }
        return new Opened(Optional.of(link.get().caseRef()), issuance.approvedNames(link.get().caseRef()), Optional.empty());
    }

    static final Bilingual UNKNOWN = new Bilingual("This link is not valid. Please use the link in the e-mail exactly as sent, or bring the"
            + " CSR to any post office counter.", "此連結無效。請使用電郵內的原有連結，或把 CSR 帶到任何郵政局櫃位。");
    static final Bilingual USED = new Bilingual("This link has been used: the certificate was issued for the CSR uploaded with it.",
            "此連結已使用：已按經此上載的 CSR 簽發證書。");
    static final Bilingual EXPIRED = new Bilingual("This link has expired. Please bring the CSR to any post office counter with the case"
            + " reference.", "此連結已過期。請把 CSR 連同個案編號帶到任何郵政局櫃位。");

    /** What became of an upload: the rules' verdict, and when good the certificate and its chain (PEM). */
    public record Uploaded(CsrRules.Verdict verdict, Optional<String> pemChain, Optional<String> caseRef) {
    }

    /**
     * Checks and, when good, issues for the uploaded CSR and spends the link — all in one transaction, so a link is
     * never spent without its certificate, nor a certificate issued twice for one link.
     */
    @Transactional
    public Uploaded upload(String token, byte[] csr) {
        Opened o = open(token);
        if (o.refusal().isPresent()) {
            throw new CaseRefusal(o.refusal().get());
        }
        String caseRef = o.caseRef().orElseThrow();
        CsrRules.Verdict v = issuance.submitCsr(caseRef, "AR (upload link)", csr);
        if (!v.acceptable()) {
            return new Uploaded(v, Optional.empty(), Optional.of(caseRef));
        }
        if (!links.use(digest(token), Instant.now())) {
            throw new CaseRefusal(USED);
        }
        return new Uploaded(v, issuance.certificateChainPem(caseRef), Optional.of(caseRef));
    }

    private Optional<CsrUploadLinks.Link> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return links.find(digest(token));
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
