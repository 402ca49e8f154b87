package hk.post.ecert.counter.domain.service;

import hk.post.ecert.counter.domain.model.notice.Notice;

/** Where notices are handed over for delivery (the port; SMTP through Jakarta Mail implements it). */
public interface MailServer {

    /** The mail server refused or could not be reached: its answer, and whether it is final (SMTP 5xx). */
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public Refused(String answer, boolean permanent, Throwable cause) {
            super(answer, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    /** Hands the notice over; its Message-ID is derived from the notice's id, so a resend is the same message. */
    void send(String noticeId, Notice notice) throws Refused;
}
