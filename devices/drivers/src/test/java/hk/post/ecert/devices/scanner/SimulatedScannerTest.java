package hk.post.ecert.devices.scanner;

import hk.post.ecert.devices.scanner.simulated.SimulatedScanner;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulatedScannerTest extends DocumentScannerContract {

    @Override
    protected DocumentScanner scannerServing(BufferedImage page) {
        SimulatedScanner s = new SimulatedScanner();
        s.load(List.of(page));
        return s;
    }

    @Override
    protected Optional<DocumentScanner> scannerFailingWith(ScannerFault fault) {
        SimulatedScanner s = new SimulatedScanner();
        if (fault != ScannerFault.NO_DOCUMENTS) {
            s.load(List.of(knownPage()));
            s.failWith(Optional.of(fault), 0);
        }
        return Optional.of(s);
    }

    @Test
    void aJamAfterTwoPagesKeepsTheTwoPages() {
        SimulatedScanner s = new SimulatedScanner();
        s.load(List.of(knownPage(), knownPage(), knownPage(), knownPage()));
        s.failWith(Optional.of(ScannerFault.JAMMED), 2);
        ScannerException e = assertThrows(ScannerException.class, () -> s.scan(ScanRequest.forms(), p -> { }));
        assertEquals(ScannerFault.JAMMED, e.fault());
        assertEquals(2, e.pagesBefore().size());
        assertEquals(2, s.waiting(), "the unscanned pages stay in the feeder");
    }
}
