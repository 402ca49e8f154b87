package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.infrastructure.receipt.ReceiptKeys;
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
    private String newUsername;
    private String newName;
    private String newOffice;
    private String newCounter;
    private List<String> newRoles = List.of("CLERK");
    private transient String newPassword;

    @Inject
    ReceiptKeys receiptKeys;

    /** The receipt keys as published (id, status, since), newest last. */
    public java.util.List<String> getReceiptKeys() {
        return receiptKeys.published().stream().map(k -> k.keyId() + " — " + (k.compromisedFrom() != null ? "COMPROMISED from "
                + k.compromisedFrom() : k.retired() ? "RETIRED " + k.retiredAt() : "ACTIVE") + " (" + k.createdAt() + ")").toList();
    }

    private String compromisedKey;
    private String compromisedFrom;

    public String getCompromisedKey() { return compromisedKey; }
    public void setCompromisedKey(String v) { compromisedKey = v; }
    public String getCompromisedFrom() { return compromisedFrom; }
    public void setCompromisedFrom(String v) { compromisedFrom = v; }

    /** Issue 31: a key that may have leaked verifies nothing it signed from then; an active one is replaced at once. */
    public void declareCompromised() {
        if (!isAdministrator()) {
            return;
        }
        java.time.Instant from;
        try {
            from = java.time.LocalDateTime.parse(compromisedFrom.trim().replace(' ', 'T')).atZone(java.time.ZoneId.of("Asia/Hong_Kong")).toInstant();
            receiptKeys.compromised(compromisedKey.trim().toUpperCase(java.util.Locale.ROOT), from, staff.getUsername());
        } catch (RuntimeException e) {
            Screens.error(Screens.text(language.getLocale(), "admin.compromiseRefused"));
            return;
        }
        Screens.info(Screens.text(language.getLocale(), "admin.keyCompromised", compromisedKey.trim().toUpperCase(java.util.Locale.ROOT),
                compromisedFrom.trim()));
        compromisedKey = null;
        compromisedFrom = null;
    }

    /** Issue 18: the next receipt key signs from now on; the old one is retired and still verifies. */
    public void rotateReceiptKey() {
        if (!isAdministrator()) {
            return;
        }
        receiptKeys.signer();
        String id = receiptKeys.rotate(staff.getUsername());
        Screens.info(Screens.text(language.getLocale(), "admin.receiptKeyRotated", id));
    }

    public boolean isAdministrator() {
        return staff.hasRole("ADMIN");
    }

    public void add() {
        try {
            administration.add(staff.getUsername(), newUsername, newName, newOffice == null ? null : newOffice.trim().toUpperCase(),
                    newCounter, newRoles.stream().map(Role::valueOf).collect(java.util.stream.Collectors.toSet()),
                    newPassword == null ? null : newPassword.toCharArray());
            Screens.info(Screens.text(language.getLocale(), "staff.added", newUsername.trim().toLowerCase()));
            newUsername = null;
            newName = null;
            newCounter = null;
        } catch (PosRefusal p) {
            Screens.refused(p, language.getLocale());
        } catch (IllegalArgumentException e) {
            Screens.error(Screens.text(language.getLocale(), e.getMessage()));
        } finally {
            newPassword = null;
        }
    }

    public String getNewUsername() { return newUsername; }
    public void setNewUsername(String v) { newUsername = v; }
    public String getNewName() { return newName; }
    public void setNewName(String v) { newName = v; }
    public String getNewOffice() { return newOffice; }
    public void setNewOffice(String v) { newOffice = v; }
    public String getNewCounter() { return newCounter; }
    public void setNewCounter(String v) { newCounter = v; }
    public List<String> getNewRoles() { return newRoles; }
    public void setNewRoles(List<String> v) { newRoles = v == null ? List.of() : v; }
    public String getNewPassword() { return null; }
    public void setNewPassword(String v) { newPassword = v; }

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
