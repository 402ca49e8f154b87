package hk.post.ecert.counter.domain.model.registry;

import java.util.Optional;

/**
 * What decides whether a suspended e-Cert (Personal) may be reinstated by paying its subscription (issue 29): whether it
 * was suspended because its subscription lapsed (not at anyone's request), the grace period HKPCA set after the lapse
 * (a setting; none set means none), and a supervisor's approval given today for a reinstatement after it.
 */
public record Reinstatement(boolean suspendedForLapse, Optional<Integer> graceDays, Optional<String> approvedBy) {

    /** A certificate not suspended for a lapse: nothing to reinstate. */
    public static final Reinstatement NONE = new Reinstatement(false, Optional.empty(), Optional.empty());
}
