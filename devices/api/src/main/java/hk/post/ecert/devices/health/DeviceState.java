package hk.post.ecert.devices.health;

/** A device's health, after UnifiedPOS's checkHealth: ready, usable with a warning, faulted, or absent. */
public enum DeviceState {
    READY,
    WARNING,
    FAULT,
    NO_HARDWARE
}
