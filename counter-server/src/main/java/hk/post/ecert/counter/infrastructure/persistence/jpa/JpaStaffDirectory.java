package hk.post.ecert.counter.infrastructure.persistence.jpa;

import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaStaffDirectory implements StaffDirectory {

    @PersistenceContext(unitName = "counter")
    private EntityManager em;

    @Override
    public Optional<StaffMember> find(String username) {
        return Optional.ofNullable(em.find(StaffMember.class, username));
    }

    @Override
    public void add(StaffMember member, Set<Role> roles) {
        em.persist(member);
        em.flush();
        for (Role role : roles) {
            // staff_role is read by the Jakarta Security identity store's groups query; it has no entity of its own.
            em.createNativeQuery("insert into staff_role (username, role) values (?, ?)")
                    .setParameter(1, member.username()).setParameter(2, role.name()).executeUpdate();
        }
    }

    @Override
    public Set<String> rolesOf(String username) {
        java.util.List<?> rows = em.createNativeQuery("select role from staff_role where username = ?")
                .setParameter(1, username).getResultList();
        Set<String> out = new java.util.TreeSet<>();
        rows.forEach(r -> out.add(String.valueOf(r)));
        return out;
    }
}
