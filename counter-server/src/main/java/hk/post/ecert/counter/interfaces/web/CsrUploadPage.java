package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.notice.CsrUploads;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.server.CsrRules;
import hk.post.ecert.counter.interfaces.http.AddressThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The AR's CSR upload page (issue 30): public, reached only through the one-time link in the CSR request e-mail. It
 * says which case and names the link is for, takes a CSR chosen as a file (PEM or DER, read by the browser) or pasted,
 * and says in words what it
 * found; a good CSR is issued at once and the certificate with its chain is shown for download. Each address may try
 * {@value Throttle#PER_MINUTE} times a minute.
 */
@Named
@ViewScoped
public class CsrUploadPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CsrUploads uploads;

    @Inject
    Language language;

    @Inject
    Throttle throttle;

    private String token;
    private String pasted;
    private CsrUploads.Opened opened;
    private List<Bilingual> problems = List.of();
    private String certificate;
    private String caseRef;

    /** Opened with {@code ?t=}: what the link is for, or why it cannot be used. */
    public void openFromLink() {
        opened = uploads.open(token);
        caseRef = opened.caseRef().orElse(null);
    }

    public void upload() {
        HttpServletRequest req = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (!throttle.allow(req.getRemoteAddr())) {
            Screens.error(Screens.text(language.getLocale(), "csr.tooMany"));
            return;
        }
        byte[] csr = pasted == null ? new byte[0] : pasted.trim().getBytes(StandardCharsets.US_ASCII);
        if (csr.length > 64 * 1024) {
            Screens.error(Screens.text(language.getLocale(), "csr.unreadable"));
            return;
        }
        if (csr.length == 0) {
            Screens.error(Screens.text(language.getLocale(), "csr.none"));
            return;
        }
        try {
            CsrUploads.Uploaded u = uploads.upload(token, csr);
            problems = u.verdict().problems();
            if (u.verdict().acceptable()) {
                certificate = u.pemChain().orElse(null);
                Screens.info(Screens.text(language.getLocale(), "csr.issued", caseRef));
            } else {
                Screens.error(Screens.text(language.getLocale(), "csr.refused"));
            }
        } catch (CaseRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
            opened = uploads.open(token);
        } finally {
            pasted = null;
        }
    }

    /** The case and names, or why the link cannot be used. */
    public String getRefusal() {
        return opened == null ? "" : opened.refusal().map(b -> b.in(language.getLocale())).orElse("");
    }

    public boolean isUsable() {
        return opened != null && opened.refusal().isEmpty() && certificate == null;
    }

    public List<String> getProblems() {
        return problems.stream().map(b -> b.in(language.getLocale())).toList();
    }

    public List<String> getNames() {
        return opened == null ? List.of() : opened.names();
    }

    public String getCaseRef() { return caseRef; }
    public String getCertificate() { return certificate; }
    public String getToken() { return token; }
    public void setToken(String v) { if (v != null && !v.isBlank()) { token = v.trim(); } }
    public String getPasted() { return pasted; }
    public void setPasted(String v) { pasted = v; }

    /** At most {@value #PER_MINUTE} uploads a minute from one address. */
    @ApplicationScoped
    public static class Throttle {
        static final int PER_MINUTE = 10;
        private final AddressThrottle limit = new AddressThrottle(PER_MINUTE);

        public boolean allow(String address) {
            return limit.allow(address);
        }
    }

}
