package hk.post.ecert.counter.application;

import hk.post.ecert.devices.job.JobResult;

/** CDI event: a device job's first outcome was recorded (observed after commit, to move its saga on). */
public record JobWasFinished(String terminalId, String kind, JobResult result) {
}
