package hk.post.ecert.counter.domain.model.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One notice to one recipient for one event. Its id is derived from the kind, the event and the recipient, so the
 * same event written twice — a repeat, a second instance, a restart — is one notice, sent at most once.
 *
 * @param eventKey   what caused it, e.g. the case reference, or the certificate and the date it concerns
 * @param attachment a file sent with it (the issued certificate and its chain, PEM), if any
 */
public record Notice(NoticeKind kind, String eventKey, String recipient, String subject, String text, String html,
                     Optional<Attachment> attachment, String caseRef) {

    /** A text file sent with the notice. */
    public record Attachment(String fileName, String contentType, String content) {
    }

    public Notice {
        if (!Recipients.plausible(recipient)) {
            throw new IllegalArgumentException("not an e-mail address: " + recipient);
        }
        recipient = recipient.trim().toLowerCase(Locale.ROOT);
        attachment = attachment == null ? Optional.empty() : attachment;
    }

    /** The notice's id: the same kind, event and recipient give the same id on every instance. */
    public String id() {
        return idOf(kind, eventKey, recipient);
    }

    public static String idOf(NoticeKind kind, String eventKey, String recipient) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((kind.name() + "\n" + eventKey + "\n"
                    + recipient.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
