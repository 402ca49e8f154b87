package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.terminal.Terminal;
import hk.post.ecert.counter.domain.model.terminal.TerminalRepository;
import hk.post.ecert.devices.wire.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which counter PCs may talk to this server. A supervisor issues a one-time enrolment code; the PC proves it holds
 * the code once and binds its Ed25519 public key; from then on each connection is authenticated by a signature
 * over a fresh challenge.
 */
@ApplicationScoped
@Transactional
public class TerminalEnrolment {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TerminalRepository terminals;

    /** Outcome of a terminal's attempt to connect. */
    public enum Verdict { ACCEPTED, UNKNOWN_TERMINAL, REVOKED, NOT_ENROLLED, BAD_SIGNATURE, BAD_ENROLMENT_CODE }

    /**
     * A supervisor allows a (new or existing) counter PC to enrol. Returns the one-time code to type into the PC's
     * configuration; only its hash is stored.
     */
    public String issueEnrolmentCode(String terminalId, String officeCode, String counterCode, String supervisor) {
        return issueEnrolmentCode(terminalId, officeCode, counterCode, Terminal.Kind.COUNTER, supervisor);
    }

    /** As above, for a terminal of the given kind: a counter PC, or a self-service kiosk with a counter code of its own. */
    public String issueEnrolmentCode(String terminalId, String officeCode, String counterCode, Terminal.Kind kind, String supervisor) {
        terminals.find(terminalId).ifPresent(existing -> mayManage(supervisor, existing.officeCode()));
        terminals.find(terminalId).filter(existing -> existing.kind() != kind).ifPresent(existing -> {
            throw new IllegalArgumentException("terminal " + terminalId + " is a " + existing.kind() + ", not a " + kind);
        });
        mayManage(supervisor, officeCode);
        byte[] raw = new byte[9];
        RANDOM.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw).toUpperCase();
        Terminal t = terminals.find(terminalId).orElseGet(() -> {
            Terminal fresh = new Terminal(terminalId, officeCode, counterCode, kind);
            terminals.add(fresh);
            return fresh;
        });
        t.allowEnrolment(hashCode(code), Instant.now().plus(Duration.ofHours(24)), supervisor);
        return code;
    }

    public void revoke(String terminalId, String supervisor) {
        terminals.find(terminalId).ifPresent(t -> {
            mayManage(supervisor, t.officeCode());
            t.revoke();
        });
    }

    @Inject
    StaffDirectory staff;

    /** A supervisor enrols and revokes only their own office's PCs; an administrator any office's. */
    public boolean mayManageOffice(String actor, String officeCode) {
        if (staff.rolesOf(actor).contains(Role.ADMIN.name())) {
            return true;
        }
        return staff.find(actor).map(m -> m.officeCode().equals(officeCode)).orElse(false);
    }

    private void mayManage(String actor, String officeCode) {
        if (!mayManageOffice(actor, officeCode)) {
            throw new PosRefusal(PosRefusal.Reason.OTHER_OFFICE,
                    actor + " (" + officeCode + ")");
        }
    }

    /** A terminal with a key: checks its signature over the challenge. */
    public Verdict authenticate(String terminalId, String nonce, String signatureB64) {
        Optional<Terminal> t = terminals.find(terminalId);
        if (t.isEmpty()) {
            return Verdict.UNKNOWN_TERMINAL;
        }
        if (t.get().revoked()) {
            return Verdict.REVOKED;
        }
        if (t.get().publicKey().isEmpty()) {
            return Verdict.NOT_ENROLLED;
        }
        if (!verify(t.get().publicKey().get(), Protocol.signedChallenge(nonce, terminalId), signatureB64)) {
            return Verdict.BAD_SIGNATURE;
        }
        t.get().wasSeen(Instant.now());
        return Verdict.ACCEPTED;
    }

    /** A new terminal: the one-time code binds its public key, proven by a signature over the challenge. */
    public Verdict enrol(String terminalId, String code, String publicKeyB64, String nonce, String signatureB64) {
        Optional<Terminal> t = terminals.find(terminalId);
        if (t.isEmpty()) {
            return Verdict.UNKNOWN_TERMINAL;
        }
        if (!t.get().mayEnrolWith(hashCode(code), Instant.now())) {
            return t.get().revoked() ? Verdict.REVOKED : Verdict.BAD_ENROLMENT_CODE;
        }
        if (!verify(publicKeyB64, Protocol.signedChallenge(nonce, terminalId), signatureB64)) {
            return Verdict.BAD_SIGNATURE;
        }
        t.get().enrolmentWasCompleted(publicKeyB64, Instant.now());
        return Verdict.ACCEPTED;
    }

    public static boolean verify(String publicKeyB64, byte[] message, String signatureB64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyB64)));
            Signature sig = Signature.getInstance("Ed25519");
            sig.initVerify(key);
            sig.update(message);
            return sig.verify(Base64.getDecoder().decode(signatureB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String hashCode(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.trim().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
