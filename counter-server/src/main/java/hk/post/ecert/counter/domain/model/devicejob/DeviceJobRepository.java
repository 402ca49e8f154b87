package hk.post.ecert.counter.domain.model.devicejob;

import java.util.List;
import java.util.Optional;

/** Device jobs, by id and by terminal. */
public interface DeviceJobRepository {

    void add(DeviceJobRecord job);

    Optional<DeviceJobRecord> find(String jobId);

    /** Jobs of a terminal that have no outcome yet, oldest first: what to (re)deliver when it connects. */
    List<DeviceJobRecord> unfinishedFor(String terminalId);

    /** How many jobs of any terminal are not finished (PENDING or SENT). */
    long unfinishedCount();

    /** Jobs not yet finished, per terminal that has any. */
    java.util.Map<String, Long> unfinishedByTerminal();

    /** PENDING → SENT for one caller only (a conditional update); false when it was not pending any more. */
    boolean claimPending(String jobId, java.time.Instant at);

    /** Jobs not yet sent to any of these terminals, recorded before {@code before}, oldest first (the outbox). */
    List<DeviceJobRecord> pendingFor(java.util.Collection<String> terminalIds, java.time.Instant before);

    /** The terminal's most recent finished jobs of a kind, newest first. */
    List<DeviceJobRecord> recentFinished(String terminalId, String kind, int max);

    /** Jobs of a kind on these terminals in one status since a moment (issue 33: receipts whose outcome is unknown). */
    List<DeviceJobRecord> withStatus(java.util.Collection<String> terminalIds, String kind, JobStatus status, java.time.Instant since);
}
