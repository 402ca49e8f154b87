package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import hk.post.ecert.counter.application.notice.NoticeDelivery;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.notice.Notice;
import hk.post.ecert.counter.domain.model.notice.NoticeOutbox;
import hk.post.ecert.counter.domain.model.notice.Notices;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.infrastructure.mail.SmtpMailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30's outbox: one notice per recipient and event, sent once, with two instances sending at the same time and
 * an instance that stopped mid-send restarted — to a real SMTP server (GreenMail), over the real migrations (H2).
 */
class NoticeOutboxTest {

    private TestDatabase db;
    private GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
        db = new TestDatabase();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() throws Exception {
        smtp.stop();
        db.close();
    }

    /** One instance of the counter service: its own outbox adapter, mail sender and dispatcher over the shared database. */
    private NoticeDelivery instance(int port) {
        JdbcNoticeOutbox outbox = new JdbcNoticeOutbox();
        outbox.dataSource = db.dataSource;
        // every wait between attempts shrunk to its floor of a second
        return NoticeDelivery.of(outbox, SmtpMailServer.plain("127.0.0.1", port), 1);
    }

    private NoticeOutbox outbox() {
        JdbcNoticeOutbox o = new JdbcNoticeOutbox();
        o.dataSource = db.dataSource;
        return o;
    }

    private static Notice dispatch(int i, String to) {
        return Notices.dispatch(to, i % 2 == 0 ? ReceiptLanguage.EN : ReceiptLanguage.ZH, "RC-20261206-" + (100000 + i),
                Catalogue.loadDefault().type("PERSONAL").name(), "e-Cert File USB", "RR123456785HK");
    }

    @Test
    void oneNoticePerRecipientAndEventWithTwoInstancesAndARestart() throws Exception {
        NoticeOutbox outbox = outbox();
        int events = 40;
        for (int i = 0; i < events; i++) {
            assertTrue(outbox.add(dispatch(i, "customer" + i + "@demo.example"), Instant.now()));
            // the same event written again (a repeated click, the other instance): the first stands
            assertFalse(outbox.add(dispatch(i, "Customer" + i + "@demo.example"), Instant.now()));
        }
        // two instances send at the same time
        NoticeDelivery a = instance(smtp.getSmtp().getPort());
        NoticeDelivery b = instance(smtp.getSmtp().getPort());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sent = new ArrayList<>();
        for (Callable<Integer> c : List.<Callable<Integer>>of(() -> drain(a, "instance-a"), () -> drain(b, "instance-b"))) {
            sent.add(pool.submit(c));
        }
        int total = sent.get(0).get() + sent.get(1).get();
        pool.shutdown();
        assertEquals(events, total, "each notice sent by exactly one instance");
        assertTrue(smtp.waitForIncomingEmail(10_000, events));
        assertEquals(events, smtp.getReceivedMessages().length);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertTrue(ids.add(m.getMessageID()), "no message twice: " + m.getMessageID());
        }

        // an instance claims a notice and stops before sending it (its claim runs out); after a restart the notice is
        // sent once, and sending again finds nothing more
        Notice late = dispatch(999, "late@demo.example");
        outbox.add(late, Instant.now());
        assertTrue(outbox.claim(late.id(), "instance-c", Instant.now(), Instant.now().plusMillis(300)));
        assertEquals(0, b.sendDue("instance-b", 10), "claimed by an instance that may still send it");
        Thread.sleep(400);
        NoticeDelivery restarted = instance(smtp.getSmtp().getPort());
        assertEquals(1, restarted.sendDue("instance-c-restarted", 10));
        assertEquals(0, restarted.sendDue("instance-c-restarted", 10));
        assertEquals(0, a.sendDue("instance-a", 10));
        assertTrue(smtp.waitForIncomingEmail(10_000, events + 1));
        assertEquals(events + 1, smtp.getReceivedMessages().length);
        assertEquals(NoticeOutbox.State.SENT, outbox.find(late.id()).orElseThrow().state());
    }

    private static int drain(NoticeDelivery d, String name) {
        int n = 0;
        for (int round = 0; round < 200; round++) {
            int sent = d.sendDue(name, 5);
            n += sent;
            if (sent == 0 && round > 3) {
                break;
            }
        }
        return n;
    }

    @Test
    void aNoticeThatCannotBeDeliveredIsTriedAgainThenGivenUpWithTheServersAnswer() throws Exception {
        NoticeOutbox outbox = outbox();
        Notice n = dispatch(1, "nobody@demo.example");
        outbox.add(n, Instant.now());
        int closedPort = smtp.getSmtp().getPort();
        smtp.stop();
        NoticeDelivery d = instance(closedPort);
        long deadline = System.currentTimeMillis() + 60_000;
        while (outbox.find(n.id()).orElseThrow().state() != NoticeOutbox.State.FAILED && System.currentTimeMillis() < deadline) {
            d.sendDue("instance-a", 10);
            NoticeOutbox.Entry e = outbox.find(n.id()).orElseThrow();
            if (e.state() == NoticeOutbox.State.PENDING) {
                Thread.sleep(Math.max(0, e.nextAttemptAt().toEpochMilli() - System.currentTimeMillis()) + 20);
            }
        }
        NoticeOutbox.Entry e = outbox.find(n.id()).orElseThrow();
        assertEquals(NoticeOutbox.State.FAILED, e.state());
        assertEquals(hk.post.ecert.counter.domain.model.notice.Delivery.MAX_ATTEMPTS, e.attempts());
        assertTrue(e.lastError().orElse("").toLowerCase().contains("connect"), e.lastError().orElse(""));
        assertEquals(List.of(n.id()), outbox.undelivered(10).stream().map(NoticeOutbox.Entry::id).toList(), "shown to the supervisor");
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }
}
