package hk.post.ecert.devices.printer;

import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.simulated.InProcessPrinterLink;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

/** The printer contract against the virtual printer in the same process (as {@code bin/run} uses it). */
class VirtualPrinterInProcessTest extends ReceiptPrinterContract {

    @Override
    protected EscPosReceiptPrinter connect(VirtualPrinter virtual) {
        return new EscPosReceiptPrinter(profile, new InProcessPrinterLink(virtual));
    }
}
