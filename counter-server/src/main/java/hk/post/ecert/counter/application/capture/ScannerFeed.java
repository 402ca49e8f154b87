package hk.post.ecert.counter.application.capture;

import hk.post.ecert.counter.domain.model.capture.CaptureCase;

import java.util.Map;

/**
 * What a counter's scanner is handed besides the scan job itself. A real scanner needs nothing; the DEMO simulator
 * "scans" the case's forms as they come back from the printer, which are made ready when the case's capture opens.
 */
public interface ScannerFeed {

    /** A case's capture opened at the counter whose terminal is {@code terminalId}. */
    void captureOpened(String terminalId, CaptureCase k);

    /** The scan job's payload for {@code terminalId}, with whatever its scanner is to be handed. */
    Map<String, Object> scanJob(String terminalId, CaptureCase k, boolean feeder, Map<String, Object> payload);
}
