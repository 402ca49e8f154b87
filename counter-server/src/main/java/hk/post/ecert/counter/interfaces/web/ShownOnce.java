package hk.post.ecert.counter.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one answer shows, read once while the page is rendered: a status text and the poll that follows it must see
 * the same state. Read twice, a job or an attempt that ended between the two reads showed "Printing…" (or "Writing…")
 * with no poll left to show its end (CounterSpeedBrowserIT's referral slip waited 20 s so, on a loaded machine, issue
 * 32). Outside the render (an action, a poll's listener) each call reads afresh, so an action sees what it changes.
 */
@RequestScoped
public class ShownOnce {

    private final Map<String, Object> rendered = new HashMap<>();

    /** {@code read}'s answer, the same one for every call with this {@code key} during the page's render. */
    @SuppressWarnings("unchecked")
    public <T> T read(String key, Supplier<T> read) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return read.get();
        }
        return (T) rendered.computeIfAbsent(key, k -> read.get());
    }
}
