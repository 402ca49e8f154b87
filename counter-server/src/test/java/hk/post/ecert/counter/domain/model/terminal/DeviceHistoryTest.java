package hk.post.ecert.counter.domain.model.terminal;

import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.devices.health.DeviceState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceHistoryTest {

    private static final Instant AT = Instant.parse("2026-12-02T03:00:00Z");
    private static final DeviceHealth PRINTER_READY = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, "hk-big5-80", DeviceState.READY, "");
    private static final DeviceHealth PRINTER_OUT = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, "hk-big5-80", DeviceState.FAULT, "PAPER_OUT");
    private static final DeviceHealth SCANNER = new DeviceHealth(DeviceKind.SCANNER, "sane:test:0", DeviceState.READY, "");

    @Test
    void aTerminalsFirstReportIsEveryDevice() {
        List<DeviceHistory.Event> e = DeviceHistory.changes("GPO-C01", List.of(), List.of(PRINTER_READY, SCANNER), AT);
        assertEquals(List.of(new DeviceHistory.Event("GPO-C01", "RECEIPT_PRINTER", "hk-big5-80", "READY", "", AT),
                new DeviceHistory.Event("GPO-C01", "SCANNER", "sane:test:0", "READY", "", AT)), e);
    }

    @Test
    void onlyADeviceWhoseStateOrDetailChangedIsRecorded() {
        assertEquals(List.of(), DeviceHistory.changes("GPO-C01", List.of(PRINTER_READY, SCANNER), List.of(PRINTER_READY, SCANNER), AT));
        List<DeviceHistory.Event> out = DeviceHistory.changes("GPO-C01", List.of(PRINTER_READY, SCANNER), List.of(PRINTER_OUT, SCANNER), AT);
        assertEquals(List.of(new DeviceHistory.Event("GPO-C01", "RECEIPT_PRINTER", "hk-big5-80", "FAULT", "PAPER_OUT", AT)), out);
        List<DeviceHistory.Event> back = DeviceHistory.changes("GPO-C01", List.of(PRINTER_OUT, SCANNER), List.of(PRINTER_READY, SCANNER), AT);
        assertEquals("READY", back.get(0).state());
        assertEquals(1, back.size());
    }

    @Test
    void aNewDetailOfTheSameStateIsAChange() {
        DeviceHealth nearEnd = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, "hk-big5-80", DeviceState.WARNING, "PAPER_NEAR_END");
        DeviceHealth coverWarning = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, "hk-big5-80", DeviceState.WARNING, "COVER_OPEN");
        assertEquals(1, DeviceHistory.changes("K", List.of(nearEnd), List.of(coverWarning), AT).size());
    }
}
