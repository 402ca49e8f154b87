package hk.post.ecert.counter.domain.model.staff;

/** What a member of staff may do. */
public enum Role {
    CLERK,
    SUPERVISOR,
    HKPCA_OFFICER,
    ADMIN
}
