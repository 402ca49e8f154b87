package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.DeviceJobs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** A device job as one answer shows it ({@link ShownOnce}): its status text and the poll that follows it agree. */
@RequestScoped
public class ShownJobs {

    @Inject
    DeviceJobs jobs;

    @Inject
    ShownOnce shown;

    public Optional<DeviceJobs.JobView> view(String jobId) {
        return shown.read("job " + jobId, () -> jobs.view(jobId));
    }
}
