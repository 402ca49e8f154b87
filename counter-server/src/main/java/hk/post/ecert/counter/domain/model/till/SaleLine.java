package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;

import java.util.LinkedHashMap;
import java.util.Map;

/** One fee item of a sale, tied to its case and to the certificate type it is for. */
public record SaleLine(String caseRef, String feeItem, Bilingual description, String typeCode, long quantity,
                       Money amount) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", caseRef);
        m.put("item", feeItem);
        m.put("en", description.en());
        m.put("zh", description.zh());
        m.put("type", typeCode);
        m.put("qty", quantity);
        m.put("cents", amount.cents());
        return m;
    }
}
