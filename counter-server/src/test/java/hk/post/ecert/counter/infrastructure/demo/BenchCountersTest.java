package hk.post.ecert.counter.infrastructure.demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the BENCH counters stand: a network of offices of eight for the first counters, the rest at BEN. */
class BenchCountersTest {

    @Test
    void withoutOfficesEveryCounterIsAtBen() {
        assertEquals("BEN", BenchCounters.officeOf(1, 0));
        assertEquals("BEN", BenchCounters.officeOf(1058, 0));
    }

    @Test
    void theNetworkIsOfficesOfEightThenBen() {
        assertEquals("BEN001", BenchCounters.officeOf(1, 130));
        assertEquals("BEN001", BenchCounters.officeOf(8, 130));
        assertEquals("BEN002", BenchCounters.officeOf(9, 130));
        assertEquals("BEN130", BenchCounters.officeOf(1040, 130));
        assertEquals("BEN", BenchCounters.officeOf(1041, 130), "the counters after the network (the failover phases') stay at BEN");
    }
}
