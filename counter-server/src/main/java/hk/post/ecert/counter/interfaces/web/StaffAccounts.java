package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.StaffAdministration;
import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The Staff screen (supervisors: their office; administrators: everyone): locks, deactivation, roles, the audit. */
@Named
@ViewScoped
public class StaffAccounts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffAdministration administration;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String shownAudit;

    public List<StaffSecurity.Account> getAccounts() {
        return administration.accounts(staff.getUsername());
    }

    private void act(Runnable r, String done) {
        try {
            r.run();
            Screens.info(done);
        } catch (PosRefusal p) {
            Screens.refused(p, language.getLocale());
        } catch (IllegalArgumentException e) {
            Screens.error(e.getMessage());
        }
    }

    public void unlock(String username) {
        act(() -> administration.unlock(staff.getUsername(), username), Screens.text(language.getLocale(), "staff.unlocked", username));
    }

    public void deactivate(String username) {
        act(() -> administration.setActive(staff.getUsername(), username, false), Screens.text(language.getLocale(), "staff.deactivated", username));
    }

    public void reactivate(String username) {
        act(() -> administration.setActive(staff.getUsername(), username, true), Screens.text(language.getLocale(), "staff.reactivated", username));
    }

    public void removeRole(String username, String role) {
        act(() -> administration.removeRole(staff.getUsername(), username, Role.valueOf(role)),
                Screens.text(language.getLocale(), "staff.roleRemoved", role, username));
    }

    public void showAudit(String username) {
        shownAudit = username;
    }

    public String getShownAudit() {
        return shownAudit;
    }

    public List<String> getAudit() {
        return shownAudit == null ? List.of() : administration.audit(staff.getUsername(), shownAudit);
    }
}
