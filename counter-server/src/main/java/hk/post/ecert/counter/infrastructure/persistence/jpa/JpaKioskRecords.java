package hk.post.ecert.counter.infrastructure.persistence.jpa;

import hk.post.ecert.counter.domain.model.kiosk.EpsSettlement;
import hk.post.ecert.counter.domain.model.kiosk.PreparedRenewal;
import hk.post.ecert.counter.domain.model.kiosk.KioskCheck;
import hk.post.ecert.counter.domain.model.kiosk.KioskPayment;
import hk.post.ecert.counter.domain.model.kiosk.KioskRecords;
import hk.post.ecert.counter.domain.model.kiosk.KioskTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaKioskRecords implements KioskRecords {

    @PersistenceContext(unitName = "counter")
    private EntityManager em;

    @Override
    public void add(KioskTicket ticket) {
        em.persist(ticket);
    }

    @Override
    public Optional<KioskTicket> ticket(String ticketHash) {
        return Optional.ofNullable(em.find(KioskTicket.class, ticketHash));
    }

    @Override
    public Optional<String> redeemTicket(String ticketHash, Instant now) {
        int won = em.createQuery("update KioskTicket t set t.redeemedAt = :now where t.ticketHash = :h and t.redeemedAt is null"
                        + " and t.expiresAt > :now")
                .setParameter("now", now).setParameter("h", ticketHash).executeUpdate();
        if (won != 1) {
            return Optional.empty();
        }
        return em.createQuery("select t.terminalId from KioskTicket t where t.ticketHash = :h", String.class)
                .setParameter("h", ticketHash).getResultStream().findFirst();
    }

    @Override
    public void add(KioskCheck check) {
        em.persist(check);
    }

    @Override
    public long failedChecksAtKiosk(String terminalId, Instant since) {
        return em.createQuery("select count(k) from KioskCheck k where k.terminalId = :t and k.checkedAt >= :s and k.matched = false", Long.class)
                .setParameter("t", terminalId).setParameter("s", since).getSingleResult();
    }

    @Override
    public long failedChecksOfSrn(String srn, Instant since) {
        return em.createQuery("select count(k) from KioskCheck k where k.srn = :n and k.checkedAt >= :s and k.matched = false", Long.class)
                .setParameter("n", srn).setParameter("s", since).getSingleResult();
    }

    @Override
    public long checksAtKiosk(String terminalId, Instant since) {
        return em.createQuery("select count(k) from KioskCheck k where k.terminalId = :t and k.checkedAt >= :s", Long.class)
                .setParameter("t", terminalId).setParameter("s", since).getSingleResult();
    }

    @Override
    public void add(KioskPayment payment) {
        em.persist(payment);
    }

    @Override
    public List<KioskPayment> unresolved(Collection<String> terminalIds, Instant before) {
        if (terminalIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from KioskPayment p where p.terminalId in :t and p.status in :s and p.createdAt < :b"
                        + " order by p.createdAt", KioskPayment.class)
                .setParameter("t", terminalIds)
                .setParameter("s", List.of(KioskPayment.Status.SENT, KioskPayment.Status.ENQUIRING))
                .setParameter("b", before).getResultList();
    }

    @Override
    public Optional<KioskPayment> payment(String paymentId) {
        return Optional.ofNullable(em.find(KioskPayment.class, paymentId));
    }

    @Override
    public void add(PreparedRenewal prepared) {
        em.persist(prepared);
    }

    @Override
    public long preparedOn(String officeCode, java.time.LocalDate day) {
        return em.createQuery("select count(p) from PreparedRenewal p where p.officeCode = :o and p.ticketDay = :d", Long.class)
                .setParameter("o", officeCode).setParameter("d", day).getSingleResult();
    }

    @Override
    public Optional<PreparedRenewal> preparedFor(String caseRef) {
        return em.createQuery("select p from PreparedRenewal p where p.caseRef = :c", PreparedRenewal.class)
                .setParameter("c", caseRef).getResultStream().findFirst();
    }

    @Override
    public List<PreparedRenewal> tickets(String officeCode, java.time.LocalDate day) {
        return em.createQuery("select p from PreparedRenewal p where p.officeCode = :o and p.ticketDay = :d order by p.ticketNumber",
                        PreparedRenewal.class).setParameter("o", officeCode).setParameter("d", day).getResultList();
    }

    @Override
    public Optional<PreparedRenewal> prepared(String officeCode, java.time.LocalDate day, String ticketNumber) {
        return em.createQuery("select p from PreparedRenewal p where p.officeCode = :o and p.ticketDay = :d and p.ticketNumber = :n",
                        PreparedRenewal.class)
                .setParameter("o", officeCode).setParameter("d", day).setParameter("n", ticketNumber).getResultStream().findFirst();
    }

    @Override
    public Optional<EpsSettlement> settlement(String batchId) {
        return Optional.ofNullable(em.find(EpsSettlement.class, batchId));
    }

    @Override
    public void add(EpsSettlement settlement) {
        em.persist(settlement);
    }

    @Override
    public java.util.List<EpsSettlement> settlements(String officeCode, java.time.LocalDate day) {
        return em.createQuery("select s from EpsSettlement s where s.officeCode = :o and s.day = :d order by s.terminalId",
                        EpsSettlement.class)
                .setParameter("o", officeCode).setParameter("d", day).getResultList();
    }
}
