package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.issuance.DispatchMediumStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files for the media posted by registered mail (PKCS#12, encrypted under the PIN of the PIN envelope): kept for
 * the counter that writes the medium until the dispatch is recorded, or at most
 * {@code counter.dispatch.medium-retention-days} days; every download is a new line of an append-only trail (who,
 * when, which office and counter, from where).
 */
@ApplicationScoped
public class DispatchMedia {

    @Inject
    DispatchMediumStore store;

    @Inject
    CounterOverview counters;

    @Inject
    @ConfigProperty(name = "counter.dispatch.medium-retention-days", defaultValue = "14")
    int retentionDays;

    private Instant notBefore() {
        return Instant.now().minus(Duration.ofDays(retentionDays));
    }

    @Transactional
    public void keep(String ref, OnBehalfIssuance.Medium medium) {
        store.keep(ref, medium.issued().serialHex(), medium.pkcs12(), Instant.now());
    }

    public boolean exists(String ref) {
        return store.exists(ref);
    }

    /** The medium's file, recording who took it, when, at which counter and from where. */
    @Transactional
    public Optional<byte[]> download(String ref, String who, String source) {
        Optional<byte[]> file = store.file(ref, notBefore());
        if (file.isPresent()) {
            CounterOverview.CounterPlace place = counters.placeOf(who);
            store.recordDownload(ref, who, place.office(), place.counter(), source, Instant.now());
        }
        return file;
    }

    /** The dispatch is recorded: the file is no longer needed and is deleted. */
    @Transactional
    public void dispatched(String ref) {
        store.delete(ref, "DISPATCHED", Instant.now());
    }

    /** Deletes the files kept longer than the retention period (run hourly); returns how many. */
    @Transactional
    public int deleteExpired() {
        return store.deleteMadeBefore(notBefore(), "RETENTION_" + retentionDays + "_DAYS", Instant.now());
    }

    @Transactional
    public List<String> downloads(String ref) {
        return store.downloads(ref);
    }
}
