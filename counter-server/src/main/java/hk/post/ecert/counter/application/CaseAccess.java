package hk.post.ecert.counter.application;

import hk.post.ecert.counter.domain.model.renewal.CaseOffices;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Who may read a case's documents and its dispatch medium: staff of the case's office, and HKPCA officers. */
@ApplicationScoped
public class CaseAccess {

    @Inject
    CaseOffices offices;

    @Inject
    StaffDirectory staff;

    @Transactional
    public boolean mayRead(String ref, String username, boolean hkpcaOfficer) {
        if (hkpcaOfficer) {
            return true;
        }
        String mine = staff.find(username).map(StaffMember::officeCode).orElse(null);
        return mine != null && offices.officeOf(ref).map(mine::equals).orElse(false);
    }
}
