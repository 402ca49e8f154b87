package hk.post.ecert.counter.application;

import java.time.LocalDate;

/** Once-a-day claims of scheduled jobs, shared by every instance of the counter service (the port; JDBC implements it). */
public interface ScheduledRuns {

    /** Records that {@code instance} runs {@code job} for {@code day}; false when another instance claimed it first. */
    boolean claim(String job, LocalDate day, String instance);
}
