package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * CPos 798FB note 7: an AR may submit a <em>renewal</em> by post only if the AR's identity was authenticated face to
 * face in an earlier application of the same Licensed Bank. New applications are made in person.
 */
public final class PostalRenewalRule {

    private PostalRenewalRule() {
    }

    /** Whether a postal submission is acceptable, and why (to show the officer). */
    public record Decision(boolean acceptable, Bilingual reason, Optional<ArAuthentication> earlier) {
    }

    public static Decision decide(BankApplicationType type, String bankCode, String arIdDigest, List<ArAuthentication> history) {
        if (type == BankApplicationType.NEW_ONLY || type == BankApplicationType.NEW_AND_RENEWAL) {
            return new Decision(false, new Bilingual("A new application is submitted in person: the AR attends HKPCA's desk.",
                    "新申請須親身遞交：獲授權代表須親臨香港郵政核證機關櫃位。"), Optional.empty());
        }
        Optional<ArAuthentication> earlier = history.stream()
                .filter(a -> a.bankCode().equals(bankCode) && a.idDigest().equals(arIdDigest))
                .max(Comparator.comparing(ArAuthentication::at));
        if (earlier.isEmpty()) {
            return new Decision(false, new Bilingual("This AR was not authenticated face to face in an earlier application of"
                    + " this bank: the renewal is submitted in person.",
                    "此獲授權代表未曾在該銀行較早的申請中經面對面核實身份：續期須親身遞交。"), Optional.empty());
        }
        ArAuthentication a = earlier.get();
        String on = a.at().atZone(ZoneId.of("Asia/Hong_Kong")).toLocalDate().toString();
        return new Decision(true, new Bilingual("A renewal by post is acceptable: " + a.arName() + " was authenticated face to face on "
                + on + " by " + a.officer() + " (application " + a.applicationRef() + ").",
                "可接受郵寄續期：" + a.arName() + " 已於 " + on + " 由 " + a.officer() + " 面對面核實身份（申請 "
                        + a.applicationRef() + "）。"), earlier);
    }
}
