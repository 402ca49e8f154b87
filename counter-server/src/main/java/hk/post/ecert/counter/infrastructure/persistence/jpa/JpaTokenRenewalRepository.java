package hk.post.ecert.counter.infrastructure.persistence.jpa;

import hk.post.ecert.counter.domain.model.tokenrenewal.TokenRenewal;
import hk.post.ecert.counter.domain.model.tokenrenewal.TokenRenewalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

@ApplicationScoped
public class JpaTokenRenewalRepository implements TokenRenewalRepository {

    @PersistenceContext(unitName = "counter")
    private EntityManager em;

    @Override
    public void add(TokenRenewal renewal) {
        em.persist(renewal);
    }

    @Override
    public Optional<TokenRenewal> find(String renewalId) {
        return Optional.ofNullable(em.find(TokenRenewal.class, renewalId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<TokenRenewal> byCurrentJob(String jobId) {
        return em.createQuery("select r from TokenRenewal r where r.currentJobId = :j", TokenRenewal.class)
                .setParameter("j", jobId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public java.util.List<TokenRenewal> ofCase(String caseRef) {
        return em.createQuery("select r from TokenRenewal r where r.caseRef = :c order by r.createdAt, r.renewalId", TokenRenewal.class)
                .setParameter("c", caseRef).getResultList();
    }
}
