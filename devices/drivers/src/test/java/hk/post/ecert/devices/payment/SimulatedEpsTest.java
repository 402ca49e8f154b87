package hk.post.ecert.devices.payment;

import hk.post.ecert.devices.payment.simulated.SimulatedEps;

/** The EPS contract on the simulator the demo kiosk and the tests use, with every fault it can be told to make. */
class SimulatedEpsTest extends PaymentDeviceContract {

    private SimulatedEps eps;

    @Override
    protected PaymentDevice freshDevice() {
        eps = new SimulatedEps();
        return eps;
    }

    @Override
    protected void nextAnswerLostAfterApproval() {
        eps.behave(SimulatedEps.Behaviour.TIMEOUT_AFTER_APPROVAL);
    }

    @Override
    protected void nextSaleLostOnTheWay() {
        eps.behave(SimulatedEps.Behaviour.TIMEOUT_BEFORE_REACHING);
    }

    @Override
    protected void nextDeclined() {
        eps.behave(SimulatedEps.Behaviour.DECLINE);
    }

    @Override
    protected void nextCancelledByTheCustomer() {
        eps.behave(SimulatedEps.Behaviour.CUSTOMER_CANCELS);
    }

    @Override
    protected void nextOffline() {
        eps.behave(SimulatedEps.Behaviour.OFFLINE);
    }

    @Override
    protected int charges() {
        return eps.charges();
    }
}
