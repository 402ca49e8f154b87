package hk.post.ecert.terminal;

import hk.post.ecert.devices.health.DeviceHealth;
import hk.post.ecert.devices.health.DeviceKind;
import hk.post.ecert.devices.health.DeviceState;
import hk.post.ecert.devices.printer.PrinterStatus;
import hk.post.ecert.devices.printer.ReceiptPrinter;
import hk.post.ecert.devices.printer.escpos.EscPosReceiptPrinter;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.serial.SerialPrinterLink;
import hk.post.ecert.devices.printer.simulated.InProcessPrinterLink;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The devices this counter PC drives, chosen by configuration: a real serial ESC/POS printer or the virtual printer
 * (which, being a simulator, can also show what it printed).
 */
public final class CounterDevices implements AutoCloseable {

    /** For the demo and for fault drills: write READY, PAPER_NEAR_END, PAPER_OUT, COVER_OPEN or SILENT here. */
    public static final String VIRTUAL_PRINTER_CONDITION_FILE = "virtual-printer.condition";

    private final ReceiptPrinter printer;
    private final VirtualPrinter virtualPrinter;
    private final Path conditionFile;

    public CounterDevices(ReceiptPrinter printer, VirtualPrinter virtualPrinter) {
        this(printer, virtualPrinter, null);
    }

    private CounterDevices(ReceiptPrinter printer, VirtualPrinter virtualPrinter, Path conditionFile) {
        this.printer = printer;
        this.virtualPrinter = virtualPrinter;
        this.conditionFile = conditionFile;
    }

    public static CounterDevices from(TerminalConfig config) {
        PrinterProfile profile = PrinterProfile.byId(config.printerProfile());
        if ("serial".equals(config.printerBackend())) {
            return new CounterDevices(new EscPosReceiptPrinter(profile,
                    new SerialPrinterLink(SerialPrinterLink.Settings.of(config.printerPort(), config.printerBaud()))), null);
        }
        VirtualPrinter vp = new VirtualPrinter(profile);
        return new CounterDevices(new EscPosReceiptPrinter(profile, new InProcessPrinterLink(vp)), vp,
                config.dataDir().resolve(VIRTUAL_PRINTER_CONDITION_FILE));
    }

    public ReceiptPrinter printer() {
        return printer;
    }

    /** The simulator behind the printer, when it is one. */
    public Optional<VirtualPrinter> virtualPrinter() {
        return Optional.ofNullable(virtualPrinter);
    }

    public List<DeviceHealth> health() {
        applySimulatedCondition();
        PrinterStatus s = printer.status();
        String model = virtualPrinter != null ? "virtual:" + printer.model() : printer.model();
        DeviceHealth printerHealth;
        if (s.fault().isPresent()) {
            printerHealth = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, model, DeviceState.FAULT, s.fault().get().name());
        } else if (s.paperNearEnd()) {
            printerHealth = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, model, DeviceState.WARNING, "PAPER_NEAR_END");
        } else {
            printerHealth = new DeviceHealth(DeviceKind.RECEIPT_PRINTER, model, DeviceState.READY, "");
        }
        return List.of(printerHealth);
    }

    /** The virtual printer takes the condition an operator wrote into its condition file, if any. */
    private void applySimulatedCondition() {
        if (virtualPrinter == null || conditionFile == null || !Files.isRegularFile(conditionFile)) {
            return;
        }
        try {
            String wanted = Files.readString(conditionFile).trim().toUpperCase();
            VirtualPrinter.Condition c = VirtualPrinter.Condition.valueOf(wanted);
            if (c != virtualPrinter.condition()) {
                virtualPrinter.setCondition(c);
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable or misspelt condition leaves the printer as it is
        }
    }

    @Override
    public void close() {
        printer.close();
    }
}
