package hk.post.ecert.devices.job;

/** How a device job ended, as the terminal knows it. */
public enum JobOutcome {
    /** Done and confirmed by the device. */
    DONE,
    /** Not done; the device refused before acting (e.g. paper out before the first byte). Safe to retry. */
    FAILED,
    /** The device may have acted: completion was not confirmed. Never repeat without a person deciding. */
    UNKNOWN,
    /** Arrived after its expiry; not started. */
    EXPIRED
}
