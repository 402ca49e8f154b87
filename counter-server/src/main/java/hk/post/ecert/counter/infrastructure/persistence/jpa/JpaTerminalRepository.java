package hk.post.ecert.counter.infrastructure.persistence.jpa;

import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTerminalRepository implements TerminalRepository {

    @PersistenceContext(unitName = "counter")
    private EntityManager em;

    @Override
    public Optional<Terminal> find(String terminalId) {
        return Optional.ofNullable(em.find(Terminal.class, terminalId));
    }

    @Override
    public List<Terminal> all() {
        return em.createQuery("select t from Terminal t order by t.terminalId", Terminal.class).getResultList();
    }

    @Override
    public List<Terminal> atCounter(String officeCode, String counterCode) {
        return em.createQuery("select t from Terminal t where t.officeCode = :o and t.counterCode = :c order by t.terminalId",
                        Terminal.class)
                .setParameter("o", officeCode).setParameter("c", counterCode).getResultList();
    }

    @Override
    public void add(Terminal terminal) {
        em.persist(terminal);
    }
}
