package hk.post.ecert.counter.domain.model.till;

/** Whether a member of staff answers for a journal counter (its clerk or a supervisor of its office). */
public interface Responsibility {
    boolean isResponsibleFor(String username, String office, String counter);
}
