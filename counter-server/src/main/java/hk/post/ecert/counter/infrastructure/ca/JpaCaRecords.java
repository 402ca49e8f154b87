package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.domain.model.issuance.IssuedCertificateRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * The CA's records through JPA: the issued certificates are an entity already; the CRL number is one row per issuing
 * CA, incremented in place (the row lock orders two instances signing at once).
 */
@ApplicationScoped
public class JpaCaRecords implements CaRecords {

    @PersistenceContext(unitName = "counter")
    EntityManager em;

    @Override
    public void add(IssuedCertificateRecord issued) {
        em.persist(issued);
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String serialHex) {
        return Optional.ofNullable(em.find(IssuedCertificateRecord.class, serialHex));
    }

    @Override
    public List<IssuedCertificateRecord> revoked(String issuingCa) {
        return em.createQuery("select c from IssuedCertificateRecord c where c.issuingCa = :ca and c.status = 'REVOKED'",
                IssuedCertificateRecord.class).setParameter("ca", issuingCa).getResultList();
    }

    @Override
    public long nextCrlNumber(String issuingCa) {
        int updated = em.createNativeQuery("UPDATE ca_crl_number SET last_number = last_number + 1 WHERE issuing_ca = ?1")
                .setParameter(1, issuingCa).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO ca_crl_number (issuing_ca, last_number) VALUES (?1, 1)").setParameter(1, issuingCa)
                    .executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("SELECT last_number FROM ca_crl_number WHERE issuing_ca = ?1")
                .setParameter(1, issuingCa).getSingleResult()).longValue();
    }
}
