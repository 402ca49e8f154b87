package hk.post.ecert.devices.payment.simulated;

import hk.post.ecert.devices.payment.PaymentDevice;
import hk.post.ecert.devices.payment.PaymentException;
import hk.post.ecert.devices.payment.PaymentFault;
import hk.post.ecert.devices.payment.PaymentResult;
import hk.post.ecert.devices.payment.Settlement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A faithful EPS payment device for the demo and the tests: it keeps what it did with each payment id as a real
 * device's transaction log does, answers a repeated id with its first outcome, settles in batches, and behaves for
 * the next sale as it is told — approve, decline, the customer cancels, the line times out after the card was charged
 * (outcome unknown; the status enquiry knows), the line times out before the sale reached it (nothing charged), or
 * the device is offline.
 */
public final class SimulatedEps implements PaymentDevice {

    /** How the simulated device answers the next sale. */
    public enum Behaviour {
        APPROVE,
        DECLINE,
        CUSTOMER_CANCELS,
        /** The card is charged, then the answer is lost: the caller sees TIMEOUT_OUTCOME_UNKNOWN. */
        TIMEOUT_AFTER_APPROVAL,
        /** The sale is lost on its way: nothing charged, the caller sees TIMEOUT_OUTCOME_UNKNOWN. */
        TIMEOUT_BEFORE_REACHING,
        OFFLINE
    }

    private final Map<String, PaymentResult> log = new LinkedHashMap<>();
    private final List<String> unsettled = new ArrayList<>();
    /** Refund id of each refunded sale (a sale is refunded once). */
    private final Map<String, String> refundOf = new LinkedHashMap<>();
    /** Refunds not yet settled: they come off the next batch's total. */
    private final List<String> unsettledRefunds = new ArrayList<>();
    private final Map<String, Settlement> batches = new LinkedHashMap<>();
    private final Deque<Behaviour> next = new ArrayDeque<>();
    private int approvals;

    /** The next sales are answered this way, in order (then approved). */
    public synchronized void behave(Behaviour... behaviours) {
        next.addAll(List.of(behaviours));
    }

    /** How many times a card was charged (a repeat of an id never counts again). */
    public synchronized int charges() {
        return approvals;
    }

    @Override
    public synchronized PaymentResult sale(String paymentId, long amountCents) throws PaymentException {
        if (paymentId == null || paymentId.isBlank() || amountCents <= 0) {
            throw new PaymentException(PaymentFault.INVALID_REQUEST, "a sale needs a payment id and an amount above zero");
        }
        PaymentResult known = log.get(paymentId);
        if (known != null) {
            return known;   // the same sale again: its first outcome, never a second charge
        }
        Behaviour b = next.isEmpty() ? Behaviour.APPROVE : next.poll();
        switch (b) {
            case OFFLINE -> throw new PaymentException(PaymentFault.DEVICE_OFFLINE, "the EPS device does not answer");
            case TIMEOUT_BEFORE_REACHING -> throw new PaymentException(PaymentFault.TIMEOUT_OUTCOME_UNKNOWN,
                    "no answer from the EPS device for " + paymentId);
            case TIMEOUT_AFTER_APPROVAL -> {
                approve(paymentId, amountCents);
                throw new PaymentException(PaymentFault.TIMEOUT_OUTCOME_UNKNOWN, "no answer from the EPS device for " + paymentId);
            }
            case DECLINE -> {
                return record(new PaymentResult(paymentId, PaymentResult.Outcome.DECLINED, amountCents, "", "declined by the bank"));
            }
            case CUSTOMER_CANCELS -> {
                return record(new PaymentResult(paymentId, PaymentResult.Outcome.CANCELLED, amountCents, "", "cancelled on the device"));
            }
            default -> {
                return approve(paymentId, amountCents);
            }
        }
    }

    private PaymentResult approve(String paymentId, long amountCents) {
        approvals++;
        unsettled.add(paymentId);
        return record(new PaymentResult(paymentId, PaymentResult.Outcome.APPROVED, amountCents,
                String.format("SIM%06d", approvals), ""));
    }

    private PaymentResult record(PaymentResult r) {
        log.put(r.paymentId(), r);
        return r;
    }

    @Override
    public synchronized PaymentResult cancel(String paymentId) {
        PaymentResult known = log.get(paymentId);
        if (known != null && known.outcome() != PaymentResult.Outcome.CANCELLED) {
            return known;   // approved or declined already: the outcome stands
        }
        return record(new PaymentResult(paymentId, PaymentResult.Outcome.CANCELLED, known == null ? 0 : known.amountCents(), "",
                "cancelled before the customer paid"));
    }

    @Override
    public synchronized PaymentResult refund(String refundId, String paymentId, long amountCents) throws PaymentException {
        if (refundId == null || refundId.isBlank() || paymentId == null || amountCents <= 0) {
            throw new PaymentException(PaymentFault.INVALID_REQUEST, "a refund needs a refund id, the sale's id and an amount above zero");
        }
        PaymentResult known = log.get(refundId);
        if (known != null) {
            return known;   // the same refund again: its first outcome, never a second refund
        }
        if (!next.isEmpty() && next.peek() == Behaviour.OFFLINE) {
            next.poll();
            throw new PaymentException(PaymentFault.DEVICE_OFFLINE, "the EPS device does not answer");
        }
        PaymentResult sale = log.get(paymentId);
        if (sale == null || !sale.approved()) {
            return record(new PaymentResult(refundId, PaymentResult.Outcome.DECLINED, amountCents, "", "no approved sale " + paymentId));
        }
        if (refundOf.containsKey(paymentId)) {
            return record(new PaymentResult(refundId, PaymentResult.Outcome.DECLINED, amountCents, "",
                    "sale " + paymentId + " was refunded already (" + refundOf.get(paymentId) + ")"));
        }
        if (amountCents > sale.amountCents()) {
            return record(new PaymentResult(refundId, PaymentResult.Outcome.DECLINED, amountCents, "",
                    "a refund cannot be more than the sale (" + sale.amountCents() + " cents)"));
        }
        refundOf.put(paymentId, refundId);
        unsettledRefunds.add(refundId);
        return record(new PaymentResult(refundId, PaymentResult.Outcome.APPROVED, amountCents,
                String.format("SIMR%06d", refundOf.size()), "refunded to the card"));
    }

    /** How many refunds went back to a card. */
    public synchronized int refunds() {
        return refundOf.size();
    }

    @Override
    public synchronized PaymentResult status(String paymentId) {
        PaymentResult known = log.get(paymentId);
        return known != null ? known : new PaymentResult(paymentId, PaymentResult.Outcome.NOT_FOUND, 0, "", "no sale under this id");
    }

    @Override
    public synchronized Settlement settle(String batchId) {
        Settlement done = batches.get(batchId);
        if (done != null) {
            return done;
        }
        long total = unsettled.stream().mapToLong(id -> log.get(id).amountCents()).sum()
                - unsettledRefunds.stream().mapToLong(id -> log.get(id).amountCents()).sum();
        Settlement s = new Settlement(batchId, unsettled, total);
        unsettled.clear();
        unsettledRefunds.clear();
        batches.put(batchId, s);
        return s;
    }
}
