package hk.post.ecert.counter.domain.model.devicejob;

/** Where a device job stands, as far as the server knows. */
public enum JobStatus {
    /** Recorded, not yet delivered to the terminal (it may be offline). */
    PENDING,
    /** Delivered at least once; no result yet. */
    SENT,
    DONE,
    FAILED,
    /** The device may have acted but did not confirm: a person decides what to do. */
    UNKNOWN,
    EXPIRED;

    public boolean finished() {
        return this != PENDING && this != SENT;
    }
}
