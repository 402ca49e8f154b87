package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.staff.PasswordHasher;
import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The supervisor's and the administrator's staff screen: lift a lock, deactivate or reactivate an account, take a
 * role away. A supervisor acts only on accounts of their own office; an administrator on every account. Every
 * change is audited, and deactivation or a lost role ends the account's open sessions at their next request.
 */
@ApplicationScoped
public class StaffAdministration {

    @Inject
    StaffSecurity security;

    @Inject
    StaffDirectory staff;

    private boolean isAdmin(String actor) {
        return staff.rolesOf(actor).contains(Role.ADMIN.name());
    }

    private String officeOf(String username) {
        return staff.find(username).map(StaffMember::officeCode).orElse("");
    }

    /** The accounts this actor may manage. */
    @Transactional
    public List<StaffSecurity.Account> accounts(String actor) {
        return security.accounts(isAdmin(actor) ? Optional.empty() : Optional.of(officeOf(actor)));
    }

    @Transactional
    public List<String> audit(String actor, String username) {
        mayManage(actor, username);
        return security.auditOf(username, 20);
    }

    private void mayManage(String actor, String username) {
        StaffMember target = staff.find(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        if (!isAdmin(actor) && !target.officeCode().equals(officeOf(actor))) {
            throw new PosRefusal(PosRefusal.Reason.OTHER_OFFICE, username);
        }
        // an administrator's account is changed by an administrator only (issue 31, finding 3)
        if (isAdmin(username) && !isAdmin(actor)) {
            throw new PosRefusal(PosRefusal.Reason.ADMINISTRATORS_ONLY, username);
        }
    }

    /** At least one active administrator always remains: the last one is neither deactivated nor stripped of ADMIN. */
    private void notTheLastAdministrator(String username) {
        if (!isAdmin(username)) {
            return;
        }
        long others = security.accounts(Optional.empty()).stream()
                .filter(a -> a.active() && a.roles().contains(Role.ADMIN.name()) && !a.username().equals(username)).count();
        if (others == 0) {
            throw new PosRefusal(PosRefusal.Reason.LAST_ADMINISTRATOR, username);
        }
    }

    @Transactional
    public void unlock(String actor, String username) {
        mayManage(actor, username);
        if (actor.equals(username)) {
            throw new PosRefusal(PosRefusal.Reason.SELF_APPROVAL, actor);
        }
        security.unlock(username);
        security.audit(username, "UNLOCKED", null, actor, null);
    }

    @Transactional
    public void setActive(String actor, String username, boolean active) {
        mayManage(actor, username);
        if (actor.equals(username)) {
            throw new PosRefusal(PosRefusal.Reason.SELF_APPROVAL, actor);
        }
        if (!active) {
            notTheLastAdministrator(username);
        }
        security.setActive(username, active);
        security.audit(username, active ? "REACTIVATED" : "DEACTIVATED", null, actor, active ? null : "open sessions end");
    }

    @Transactional
    public void removeRole(String actor, String username, Role role) {
        mayManage(actor, username);
        if (role == Role.ADMIN && !isAdmin(actor)) {
            throw new PosRefusal(PosRefusal.Reason.ADMINISTRATORS_ONLY, username);
        }
        if (role == Role.ADMIN) {
            notTheLastAdministrator(username);
        }
        security.removeRole(username, role);
        security.audit(username, "ROLE_REMOVED", null, actor, role.name() + "; open sessions end");
    }

    @Inject
    PasswordHasher passwords;

    /**
     * An administrator adds a member of staff with a first password (12 characters or more, not containing the user
     * name) to hand over in person.
     */
    @Transactional
    public void add(String actor, String username, String displayName, String office, String counter, Set<Role> roles, char[] password) {
        try {
            if (!isAdmin(actor)) {
                throw new PosRefusal(PosRefusal.Reason.OTHER_OFFICE, actor);
            }
            String user = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
            if (!user.matches("[a-z0-9._-]{3,32}") || staff.find(user).isPresent()) {
                throw new IllegalArgumentException("staff.badUsername");
            }
            if (office == null || !office.trim().matches("[A-Z0-9]{2,16}") || roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("staff.badOffice");
            }
            String pw = password == null ? "" : new String(password);
            if (pw.length() < 12 || pw.toLowerCase(java.util.Locale.ROOT).contains(user)) {
                throw new IllegalArgumentException("staff.weakPassword");
            }
            staff.add(new StaffMember(user, displayName == null || displayName.isBlank() ? user : displayName.trim(), passwords.hash(password),
                    office.trim(), counter == null || counter.isBlank() ? null : counter.trim().toUpperCase(java.util.Locale.ROOT)), roles);
            security.audit(user, "CREATED", null, actor, "roles " + new java.util.TreeSet<>(roles.stream().map(Role::name).toList()));
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** What every role in the system is, for the screen. */
    public Set<Role> roles() {
        return Set.of(Role.values());
    }
}
