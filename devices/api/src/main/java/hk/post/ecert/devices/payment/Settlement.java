package hk.post.ecert.devices.payment;

import java.util.List;

/** One settlement batch: the approved sales it closed and their total (HKD cents), net of the refunds settled with them. */
public record Settlement(String batchId, List<String> paymentIds, long totalCents) {

    public Settlement {
        paymentIds = List.copyOf(paymentIds);
    }

    public int count() {
        return paymentIds.size();
    }
}
