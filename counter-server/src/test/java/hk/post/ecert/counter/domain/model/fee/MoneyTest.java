package hk.post.ecert.counter.domain.model.fee;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How money is written on receipts and screens: grouped dollars, two-digit cents, the sign in front. */
class MoneyTest {

    @Test
    void writesGroupedDollarsAndTwoDigitCents() {
        assertEquals("HK$0.00", Money.ZERO.toString());
        assertEquals("HK$0.05", Money.ofCents(5).toString());
        assertEquals("HK$0.99", Money.ofCents(99).toString());
        assertEquals("HK$48.00", Money.ofDollars(48).toString());
        assertEquals("HK$999.99", Money.ofCents(99_999).toString());
        assertEquals("HK$1,000.00", Money.ofDollars(1_000).toString());
        assertEquals("HK$1,234.50", Money.ofCents(123_450).toString());
        assertEquals("HK$123,456,789.01", Money.ofCents(12_345_678_901L).toString());
        assertEquals("-HK$126.00", Money.ofDollars(-126).toString());
        assertEquals("-HK$0.01", Money.ofCents(-1).toString());
    }

    /** The same text as the JDK's English grouping, which the screens and receipts showed before (issue 32). */
    @Property(tries = 2000)
    void writesWhatTheJdksEnglishGroupingWrites(@ForAll @LongRange(min = -Long.MAX_VALUE, max = Long.MAX_VALUE) long cents) {
        long abs = Math.abs(cents);
        String jdk = (cents < 0 ? "-" : "") + "HK$" + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(abs / 100)
                + "." + String.format("%02d", abs % 100);
        assertEquals(jdk, Money.ofCents(cents).toString());
    }
}
