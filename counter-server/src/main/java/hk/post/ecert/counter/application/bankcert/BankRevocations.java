package hk.post.ecert.counter.application.bankcert;

import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.bankcert.BankApplications;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBank;
import hk.post.ecert.counter.domain.model.bankcert.RevocationRequest;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A Licensed Bank's requests to revoke its Bank-Cert (Bank) certificates: received with a month's notice, confirmed
 * by the AR on or after the day, or withdrawn; a confirmed request revokes the certificate onto the 2-15 CRL.
 */
@ApplicationScoped
public class BankRevocations {

    private static final Logger LOG = Logger.getLogger(BankRevocations.class.getName());
    private static final String TYPE = BankCertDesk.TYPE;

    @Inject
    BankCertDesk desk;

    @Inject
    BankApplications applications;

    @Inject
    SubscriberRegistry registry;

    @Transactional
    public RevocationRequest requestRevocation(String officer, String bankCode, String serialHex, String arName,
                                               LocalDate noticeReceived, LocalDate revokeOn, String reason) {
        LicensedBank bank = desk.banks().byCode(bankCode).orElseThrow();
        String serial = serialHex == null ? "" : serialHex.trim().toLowerCase(Locale.ROOT);
        SubscriberCertificate cert = registry.ofOrganisation(TYPE, bank.brNumber()).stream().filter(c -> c.serialHex().equals(serial))
                .findFirst().orElseThrow(() -> new CaseRefusal("Choose one of this bank's Bank-Cert (Bank) certificates.",
                        "請選擇此銀行的銀行證書（銀行）。"));
        if (cert.status(registry.today()) != CertificateStatus.ACTIVE) {
            throw new CaseRefusal("This certificate is " + cert.status(registry.today()) + "; there is nothing to revoke.",
                    "此證書狀態為 " + cert.status(registry.today()) + "，無須撤銷。");
        }
        boolean pending = revocations(bankCode).stream().anyMatch(r -> r.serialHex().equals(serial) && r.state() == RevocationRequest.State.REQUESTED);
        if (pending) {
            throw new CaseRefusal("A revocation request for this certificate is already waiting for its confirmation.",
                    "此證書已有待確認的撤銷要求。");
        }
        RevocationRequest r = RevocationRequest.receive("RV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                bankCode, serial, arName, noticeReceived, revokeOn, reason, officer, registry.today());
        applications.addRevocation(r, Instant.now());
        LOG.info(() -> "revocation of " + serial + " requested by the AR of bank " + bankCode + " for " + r.revokeOn());
        return r;
    }

    /** The AR's final confirmation: the certificate is revoked and appears on the 2-15 CRL. */
    @Transactional
    public RevocationRequest confirmRevocation(String requestRef, String officer) {
        RevocationRequest r = revocation(requestRef).confirmed(officer, registry.today());
        updateRevocation(r);
        registry.revoke(r.serialHex(), "Bank-Cert (Bank) revocation requested by the AR (" + r.requestRef() + ")", officer);
        return r;
    }

    @Transactional
    public RevocationRequest withdrawRevocation(String requestRef, String officer) {
        RevocationRequest r = revocation(requestRef).withdrawn(officer);
        updateRevocation(r);
        return r;
    }

    private void updateRevocation(RevocationRequest r) {
        if (!applications.decideRevocation(r)) {
            throw new CaseRefusal("The request changed meanwhile; look again.", "要求已被更改；請重新查看。");
        }
    }

    private RevocationRequest revocation(String ref) {
        return applications.revocation(ref)
                .orElseThrow(() -> new CaseRefusal("No revocation request " + ref + ".", "沒有撤銷要求 " + ref + "。"));
    }

    public List<RevocationRequest> revocations(String bankCode) {
        return applications.revocations(bankCode);
    }
}
