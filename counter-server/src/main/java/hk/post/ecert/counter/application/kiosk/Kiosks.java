package hk.post.ecert.counter.application.kiosk;

import hk.post.ecert.counter.application.TerminalEnrolment;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.kiosk.KioskCheck;
import hk.post.ecert.counter.domain.model.kiosk.KioskRecords;
import hk.post.ecert.counter.domain.model.kiosk.KioskRules;
import hk.post.ecert.counter.domain.model.kiosk.KioskTicket;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The self-service kiosks (issue 17): a browser on the kiosk PC is bound to its kiosk by a one-time ticket the kiosk's
 * agent asked for over its authenticated connection; a kiosk session then acts as the kiosk ({@code kiosk:<id>}), never
 * as a member of staff. A customer checks a certificate by its SRN (or serial) and the HKID or BR number it belongs
 * to, within the limits per kiosk and per SRN.
 */
@ApplicationScoped
public class Kiosks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TerminalRepository terminals;

    @Inject
    KioskRecords records;

    @Inject
    SubscriberRegistry registry;

    /** A browser bound to a kiosk: who it acts as, and where its till and journal are. */
    public record Binding(String terminalId, String officeCode, String counterCode) implements java.io.Serializable {
        public String actor() {
            return actorOf(terminalId);
        }
    }

    /** The name a kiosk acts under in the journal, the till and the audit trail. */
    public static String actorOf(String terminalId) {
        return "kiosk:" + terminalId;
    }

    /** The kiosk an actor name stands for, if it is one. */
    public static Optional<String> kioskOf(String actor) {
        return actor != null && actor.startsWith("kiosk:") ? Optional.of(actor.substring(6)) : Optional.empty();
    }

    /** A one-time ticket for the kiosk's own screen; refused for a terminal that is not an enrolled kiosk. */
    @Transactional
    public String issueTicket(String terminalId) {
        terminals.find(terminalId).filter(Terminal::enrolledKiosk)
                .orElseThrow(() -> new SecurityException("terminal " + terminalId + " is not an enrolled kiosk"));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        records.add(new KioskTicket(TerminalEnrolment.hashCode(ticket), terminalId, Instant.now().plus(KioskRules.TICKET_LIFETIME)));
        return ticket;
    }

    /** Redeems a ticket once, within its minute, for a kiosk still enrolled. */
    @Transactional
    public Optional<Binding> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        // one conditional UPDATE: of parallel requests with the same ticket, one binds a browser
        return records.redeemTicket(TerminalEnrolment.hashCode(ticket), Instant.now()).flatMap(this::binding);
    }

    /** The binding of a kiosk that is (still) enrolled and not revoked. */
    @Transactional
    public Optional<Binding> binding(String terminalId) {
        return terminals.find(terminalId).filter(Terminal::enrolledKiosk)
                .map(t -> new Binding(t.terminalId(), t.officeCode(), t.counterCode()));
    }

    /** What a check found: refused (and why), or the certificate. */
    public record Checked(Optional<Refused> refused, Optional<SubscriberCertificate> certificate) {
        static Checked refused(Refused why) {
            return new Checked(Optional.of(why), Optional.empty());
        }
    }

    /** Why a check found nothing to show. */
    public enum Refused { SRN_LIMIT, KIOSK_LIMIT, NOT_MATCHED, BAD_INPUT }

    /**
     * A customer's check: the certificate with this SRN (or serial) whose HKID (by its keyed digest) or BR number is
     * the one given. "Not matched" is said alike for an unknown SRN and a wrong HKID, so the check tells nothing of
     * whose a certificate is; every check counts towards the limits.
     */
    @Transactional
    public Checked check(Binding kiosk, String srnOrSerial, String idOrBr) {
        String number = srnOrSerial == null ? "" : srnOrSerial.trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        String id = idOrBr == null ? "" : idOrBr.trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        if (number.isEmpty() || number.length() > 40 || id.isEmpty() || id.length() > 20) {
            return Checked.refused(Refused.BAD_INPUT);
        }
        Instant now = Instant.now();
        Instant since = now.minus(KioskRules.CHECK_WINDOW);
        SubscriberRegistry.LookupBy by = number.startsWith("SRN-") ? SubscriberRegistry.LookupBy.SRN : SubscriberRegistry.LookupBy.SERIAL;
        List<SubscriberCertificate> found = registry.lookup(by, number, "customer's own check at a self-service kiosk", kiosk.actor());
        // the limit is the certificate's, however its number was typed (SRN, serial, 0X…, leading zeros); a number
        // that finds nothing is counted under its canonical form (issue 31, finding 7)
        String key = found.isEmpty() ? KioskRules.canonicalNumber(number) : found.get(0).srn();
        Optional<KioskRules.Refusal> limit = KioskRules.refusal(records.failedChecksOfSrn(key, since),
                records.failedChecksAtKiosk(kiosk.terminalId(), since), records.checksAtKiosk(kiosk.terminalId(), since));
        if (limit.isPresent()) {
            return Checked.refused(limit.get() == KioskRules.Refusal.SRN_LIMIT ? Refused.SRN_LIMIT : Refused.KIOSK_LIMIT);
        }
        Optional<SubscriberCertificate> match = found.stream().filter(c -> belongsTo(c, id)).findFirst();
        records.add(new KioskCheck(kiosk.terminalId(), key, now, match.isPresent()));
        return match.map(c -> new Checked(Optional.empty(), Optional.of(c))).orElseGet(() -> Checked.refused(Refused.NOT_MATCHED));
    }

    private boolean belongsTo(SubscriberCertificate c, String id) {
        if (c.brNumber() != null && !c.brNumber().isBlank()) {
            return c.brNumber().equalsIgnoreCase(id);
        }
        Hkid hkid;
        try {
            hkid = Hkid.parse(id);
        } catch (RuntimeException notAnHkid) {
            return false;
        }
        // outside the try: a failure of the (transactional) match must not be swallowed inside this transaction
        return registry.hkidMatches(c.serialHex(), hkid);
    }
}
