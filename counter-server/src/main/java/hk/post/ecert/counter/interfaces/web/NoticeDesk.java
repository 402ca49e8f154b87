package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.notice.NoticeDelivery;
import hk.post.ecert.counter.domain.model.notice.NoticeOutbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The supervisor's list of notices that could not be delivered, with the mail server's answer (issue 30). */
@Named
@RequestScoped
public class NoticeDesk {

    @Inject
    NoticeDelivery delivery;

    private List<NoticeOutbox.Entry> undelivered;

    public List<NoticeOutbox.Entry> getUndelivered() {
        if (undelivered == null) {
            undelivered = delivery.undelivered(50);
        }
        return undelivered;
    }
}
