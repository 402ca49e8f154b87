package hk.post.ecert.counter.infrastructure.persistence.jpa;

import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRecord;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRepository;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDeviceJobRepository implements DeviceJobRepository {

    @PersistenceContext(unitName = "counter")
    private EntityManager em;

    @Override
    public void add(DeviceJobRecord job) {
        em.persist(job);
    }

    @Override
    public Optional<DeviceJobRecord> find(String jobId) {
        return Optional.ofNullable(em.find(DeviceJobRecord.class, jobId));
    }

    @Override
    public long unfinishedCount() {
        return em.createQuery("select count(j) from DeviceJobRecord j where j.status in :s", Long.class)
                .setParameter("s", java.util.List.of(JobStatus.PENDING,
                        JobStatus.SENT)).getSingleResult();
    }

    @Override
    public java.util.Map<String, Long> unfinishedByTerminal() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("select j.terminalId, count(j) from DeviceJobRecord j where j.status in :s group by j.terminalId",
                Object[].class).setParameter("s", List.of(JobStatus.PENDING, JobStatus.SENT)).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public List<DeviceJobRecord> unfinishedFor(String terminalId) {
        return em.createQuery("select j from DeviceJobRecord j where j.terminalId = :t and j.status in :s order by j.createdAt",
                        DeviceJobRecord.class)
                .setParameter("t", terminalId).setParameter("s", List.of(JobStatus.PENDING, JobStatus.SENT)).getResultList();
    }

    @Override
    public boolean claimPending(String jobId, java.time.Instant at) {
        return em.createQuery("update DeviceJobRecord j set j.status = :sent, j.sentAt = :at, j.version = j.version + 1"
                        + " where j.jobId = :id and j.status = :pending")
                .setParameter("sent", JobStatus.SENT).setParameter("at", at).setParameter("id", jobId)
                .setParameter("pending", JobStatus.PENDING).executeUpdate() == 1;
    }

    @Override
    public List<DeviceJobRecord> pendingFor(java.util.Collection<String> terminalIds, java.time.Instant before) {
        return em.createQuery("select j from DeviceJobRecord j where j.terminalId in :t and j.status = :s and j.createdAt < :b"
                        + " order by j.createdAt", DeviceJobRecord.class)
                .setParameter("t", terminalIds).setParameter("s", JobStatus.PENDING).setParameter("b", before)
                .setMaxResults(200).getResultList();
    }

    @Override
    public List<DeviceJobRecord> withStatus(java.util.Collection<String> terminalIds, String kind, JobStatus status, java.time.Instant since) {
        if (terminalIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select j from DeviceJobRecord j where j.terminalId in :t and j.kind = :k and j.status = :s"
                                + " and j.createdAt >= :since order by j.createdAt", DeviceJobRecord.class)
                .setParameter("t", terminalIds).setParameter("k", kind).setParameter("s", status).setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<DeviceJobRecord> recentFinished(String terminalId, String kind, int max) {
        return em.createQuery("select j from DeviceJobRecord j where j.terminalId = :t and j.kind = :k and j.status not in :s"
                                + " order by j.completedAt desc", DeviceJobRecord.class)
                .setParameter("t", terminalId).setParameter("k", kind)
                .setParameter("s", List.of(JobStatus.PENDING, JobStatus.SENT)).setMaxResults(max).getResultList();
    }
}
