package hk.post.ecert.devices.health;

import java.util.Objects;

/**
 * One device's health as its terminal last reported it.
 *
 * @param model  the device model profile in use (e.g. {@code epson-tm-t88}, {@code virtual})
 * @param detail the typed reason when not READY (e.g. {@code PAPER_NEAR_END}, {@code COVER_OPEN})
 */
public record DeviceHealth(DeviceKind kind, String model, DeviceState state, String detail) {

    public DeviceHealth {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(state);
        model = model == null ? "" : model;
        detail = detail == null ? "" : detail;
    }
}
