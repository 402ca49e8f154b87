package hk.post.ecert.counter.infrastructure.mail;

import hk.post.ecert.counter.domain.model.notice.Notice;
import hk.post.ecert.counter.domain.service.MailServer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Notices by SMTP through Jakarta Mail (issue 30). The host, port, TLS (none, STARTTLS required, or SMTPS) and
 * credentials are settings ({@code counter.mail.*}, see the README); every notice goes as multipart/alternative
 * (plain text and HTML, UTF-8), with its attachment beside it, and a Message-ID derived from the notice's id.
 */
@ApplicationScoped
public class SmtpMailServer implements MailServer {

    @Inject
    @ConfigProperty(name = "counter.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "counter.mail.port", defaultValue = "25")
    int port;

    /** {@code none}, {@code starttls} (required) or {@code smtps}. */
    @Inject
    @ConfigProperty(name = "counter.mail.tls", defaultValue = "none")
    String tls;

    @Inject
    @ConfigProperty(name = "counter.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "counter.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "counter.mail.from", defaultValue = "e-Cert Counter <no-reply@ecert-counter.invalid>")
    String from;

    @Inject
    @ConfigProperty(name = "counter.mail.timeout-ms", defaultValue = "10000")
    int timeoutMs;

    private Session session;

    /** A sender to a plain SMTP server without credentials (the demo's mail catcher; the tests' GreenMail). */
    public static SmtpMailServer plain(String host, int port) {
        SmtpMailServer m = new SmtpMailServer();
        m.host = host;
        m.port = port;
        m.tls = "none";
        m.username = Optional.empty();
        m.password = Optional.empty();
        m.from = "e-Cert Counter <no-reply@ecert-counter.invalid>";
        m.timeoutMs = 5000;
        m.configure();
        return m;
    }

    @PostConstruct
    void configure() {
        Properties p = new Properties();
        String protocol = "smtps".equalsIgnoreCase(tls) ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", host);
        p.put("mail." + protocol + ".port", Integer.toString(port));
        p.put("mail." + protocol + ".connectiontimeout", Integer.toString(timeoutMs));
        p.put("mail." + protocol + ".timeout", Integer.toString(timeoutMs));
        p.put("mail." + protocol + ".writetimeout", Integer.toString(timeoutMs));
        if ("starttls".equalsIgnoreCase(tls)) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!"none".equalsIgnoreCase(tls)) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator auth = null;
        if (username.isPresent() && !username.get().isBlank()) {
            p.put("mail." + protocol + ".auth", "true");
            String u = username.get();
            String pw = password.orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(u, pw);
                }
            };
        }
        session = Session.getInstance(p, auth);
    }

    @Override
    public void send(String noticeId, Notice notice) throws Refused {
        try {
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + noticeId + "@ecert-counter>");
                }
            };
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, new Address[]{new InternetAddress(notice.recipient(), true)});
            m.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(notice.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(notice.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (notice.attachment().isPresent()) {
                Notice.Attachment a = notice.attachment().get();
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                MimeBodyPart file = new MimeBodyPart();
                file.setText(a.content(), StandardCharsets.UTF_8.name(), "plain");
                file.setHeader("Content-Type", a.contentType() + "; charset=UTF-8");
                file.setFileName(a.fileName());
                mixed.addBodyPart(body);
                mixed.addBodyPart(file);
                m.setContent(mixed);
            } else {
                m.setContent(alternative);
            }
            m.saveChanges();
            Transport.send(m);
        } catch (SendFailedException e) {
            throw new Refused(answer(e), true, e);
        } catch (MessagingException e) {
            throw new Refused(answer(e), permanent(e), e);
        }
    }

    /** The mail server's own words, or what stopped the connection. */
    private static String answer(Exception e) {
        Throwable t = e;
        StringBuilder b = new StringBuilder();
        while (t != null && b.length() < 900) {
            if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
                b.append(b.length() == 0 ? "" : " — ").append(t.getMessage().trim());
            }
            t = t.getCause();
        }
        return b.length() == 0 ? e.getClass().getSimpleName() : b.toString();
    }

    /** An SMTP 5xx answer is final; anything else (no connection, 4xx) is tried again. */
    private static boolean permanent(MessagingException e) {
        String a = String.valueOf(e.getMessage());
        return a.matches("(?s)^5\\d\\d.*");
    }
}
