package hk.post.ecert.counter.domain.model.staff;

import java.util.Optional;
import java.util.Set;

/** The staff who may log in, with their roles. */
public interface StaffDirectory {

    Optional<StaffMember> find(String username);

    void add(StaffMember member, Set<Role> roles);

    /** The role names of a member of staff (as the identity store reads them). */
    Set<String> rolesOf(String username);
}
