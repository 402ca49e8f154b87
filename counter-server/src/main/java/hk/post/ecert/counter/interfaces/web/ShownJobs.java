package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.DeviceJobs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A device job as one answer shows it: while a page is rendered, each job is read once, so its status text and the
 * poll that follows it agree. Read twice, a job that ended between the two reads showed "Printing…" with no poll left
 * to show "Printed" (CounterSpeedBrowserIT's referral slip waited 20 s so, on a loaded machine, issue 32). Outside the
 * render (an action, a poll's listener) each call reads the job afresh.
 */
@RequestScoped
public class ShownJobs {

    @Inject
    DeviceJobs jobs;

    private final Map<String, Optional<DeviceJobs.JobView>> rendered = new HashMap<>();

    public Optional<DeviceJobs.JobView> view(String jobId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return jobs.view(jobId);
        }
        return rendered.computeIfAbsent(jobId, jobs::view);
    }
}
