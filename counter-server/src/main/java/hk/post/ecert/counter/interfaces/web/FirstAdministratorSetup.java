package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.FirstAdministrator;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The first-start screen: the one-time code from the server log and the first administrator's own password. */
@Named
@ViewScoped
public class FirstAdministratorSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FirstAdministrator first;

    @Inject
    Language language;

    private String code;
    private String username;
    private String displayName;
    private String office = "GPO";
    private transient String password;
    private transient String again;
    private String created;

    public boolean isPending() {
        return created == null && first.pending();
    }

    public void create() {
        try {
            first.create(code, username, displayName, office, password == null ? null : password.toCharArray(),
                    again == null ? null : again.toCharArray());
            created = username.trim().toLowerCase(java.util.Locale.ROOT);
            Screens.info(Screens.text(language.getLocale(), "bootstrap.done", created));
        } catch (FirstAdministrator.Refusal r) {
            Screens.error(Screens.text(language.getLocale(), r.getMessage()));
        } finally {
            password = null;
            again = null;
        }
    }

    public String getCreated() { return created; }
    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getOffice() { return office; }
    public void setOffice(String v) { office = v; }
    public String getPassword() { return null; }
    public void setPassword(String v) { password = v; }
    public String getAgain() { return null; }
    public void setAgain(String v) { again = v; }
}
