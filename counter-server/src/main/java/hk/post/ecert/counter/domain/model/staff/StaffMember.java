package hk.post.ecert.counter.domain.model.staff;

import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/** A person who logs in: a counter clerk, a supervisor, an HKPCA officer or an administrator. */
@Entity
@Table(name = "staff")
public class StaffMember {

    @Id
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "office_code", nullable = false)
    private String officeCode;

    @Column(name = "counter_code")
    private String counterCode;

    @Column(nullable = false)
    private boolean active;

    protected StaffMember() {
    }

    public StaffMember(String username, String displayName, String passwordHash, String officeCode, String counterCode) {
        this.username = username;
        this.displayName = FreeText.check(new Bilingual("name", "姓名"), displayName, FreeText.NAME);
        this.passwordHash = passwordHash;
        this.officeCode = officeCode;
        this.counterCode = counterCode;
        this.active = true;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String officeCode() {
        return officeCode;
    }

    public Optional<String> counterCode() {
        return Optional.ofNullable(counterCode);
    }

    public boolean active() {
        return active;
    }
}
