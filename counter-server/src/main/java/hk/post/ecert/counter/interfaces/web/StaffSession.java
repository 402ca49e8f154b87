package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CounterOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Who is logged in on this browser, and logging out. */
@Named
@RequestScoped
public class StaffSession {

    @Inject
    SecurityContext security;

    @Inject
    CounterOverview counters;

    public String getUsername() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    /** Looked up once per request: every page's header shows it. */
    private CounterOverview.CounterPlace place;

    private CounterOverview.CounterPlace place() {
        if (place == null && getUsername() != null) {
            place = counters.placeOf(getUsername());
        }
        return place;
    }

    public String getDisplayName() {
        return place() == null ? "" : place().displayName();
    }

    public String getCounter() {
        return place() == null ? "" : place().office() + " / " + java.util.Objects.toString(place().counter(), "—");
    }

    /** Through the servlet request: the roles web.xml declares are mapped there (SecurityContext misses them here). */
    public boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public void logout() throws ServletException, IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ec.getRequest()).logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/index.xhtml");
    }
}
