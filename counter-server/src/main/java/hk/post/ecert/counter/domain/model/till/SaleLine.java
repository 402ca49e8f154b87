package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fee item of a sale, tied to its case, to the certificate type it is for, and to what it pays for ({@code pays}:
 * a {@link hk.post.ecert.counter.domain.model.checkout.Payable}'s code).
 */
public record SaleLine(String caseRef, String feeItem, Bilingual description, String typeCode, long quantity,
                       Money amount, String pays) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", caseRef);
        m.put("item", feeItem);
        m.put("en", description.en());
        m.put("zh", description.zh());
        m.put("type", typeCode);
        m.put("qty", quantity);
        m.put("cents", amount.cents());
        m.put("pays", pays);
        return m;
    }
}
