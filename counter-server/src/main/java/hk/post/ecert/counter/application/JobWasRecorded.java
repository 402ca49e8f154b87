package hk.post.ecert.counter.application;

/** CDI event: a device job was recorded for a terminal (observed after the transaction commits, to deliver it). */
public record JobWasRecorded(String terminalId, String jobId) {
}
