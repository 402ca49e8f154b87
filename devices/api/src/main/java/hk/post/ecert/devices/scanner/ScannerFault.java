package hk.post.ecert.devices.scanner;

/** Why a scan did not complete, as the clerk needs to know it. */
public enum ScannerFault {
    /** The feeder (or flatbed) had nothing to scan. */
    NO_DOCUMENTS,
    /** Paper jammed in the feeder. */
    JAMMED,
    /** The scanner's cover or feeder door is open. */
    COVER_OPEN,
    /** Another scan is using the device. */
    BUSY,
    /** The scan was cancelled (by the clerk or the server). */
    CANCELLED,
    /** The scanner (or its daemon) cannot be reached. */
    UNREACHABLE,
    /** The device reported an input/output error. */
    IO_ERROR,
    /** The requested source, mode or resolution is not offered by this scanner. */
    UNSUPPORTED,
    /** Anything else the device reported. */
    DEVICE_ERROR
}
