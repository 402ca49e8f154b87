package hk.post.ecert.terminal;

import hk.post.ecert.devices.payment.PaymentDevice;
import hk.post.ecert.devices.payment.simulated.SimulatedEps;
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
import hk.post.ecert.devices.scanner.DocumentScanner;
import hk.post.ecert.devices.scanner.folder.FolderDocumentScanner;
import hk.post.ecert.devices.scanner.sane.SaneDocumentScanner;
import hk.post.ecert.devices.scanner.simulated.SimulatedScanner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import hk.post.ecert.devices.token.TokenProfile;
import hk.post.ecert.devices.token.TokenTarget;
import hk.post.ecert.devices.token.TokenWriter;
import hk.post.ecert.devices.token.pkcs11.Pkcs11TokenWriter;
import hk.post.ecert.devices.token.pkcs12.Pkcs12TokenWriter;
import java.util.Optional;

/**
 * The devices this counter PC drives, chosen by configuration: a real serial ESC/POS printer or the virtual printer
 * (which, being a simulator, can also show what it printed).
 */
public class CounterDevices implements AutoCloseable {

    /** For the demo and for fault drills: write READY, PAPER_NEAR_END, PAPER_OUT, COVER_OPEN or SILENT here. */
    public static final String VIRTUAL_PRINTER_CONDITION_FILE = "virtual-printer.condition";

    private final ReceiptPrinter printer;
    private final VirtualPrinter virtualPrinter;
    private final Path conditionFile;
    private final Path mediumMount;
    private final Map<String, TokenWriter> tokenWriters = new ConcurrentHashMap<>();

    public CounterDevices(ReceiptPrinter printer, VirtualPrinter virtualPrinter) {
        this(printer, virtualPrinter, null, null);
    }

    /** @param mediumMount where an e-Cert File USB medium is mounted on this PC */
    public CounterDevices(ReceiptPrinter printer, VirtualPrinter virtualPrinter, Path conditionFile, Path mediumMount) {
        this.printer = printer;
        this.virtualPrinter = virtualPrinter;
        this.conditionFile = conditionFile;
        this.mediumMount = mediumMount;
    }

    /** The writer for a token model: PKCS#11 through its module, or the PKCS#12 file medium. */
    public TokenWriter tokenWriter(TokenProfile profile) {
        return tokenWriters.computeIfAbsent(profile.id(), id -> profile.medium() == TokenProfile.Medium.PKCS11
                ? new Pkcs11TokenWriter(profile) : new Pkcs12TokenWriter(profile));
    }

    /** Where to write: a token by label, or this PC's file-medium mount path. */
    public TokenTarget tokenTarget(TokenProfile profile, String label) {
        return profile.medium() == TokenProfile.Medium.PKCS11 ? TokenTarget.token(profile.id(), label)
                : TokenTarget.fileMedium(profile.id(), mediumMount == null ? "" : mediumMount.toString());
    }

    public static CounterDevices from(TerminalConfig config) {
        PrinterProfile profile = PrinterProfile.byId(config.printerProfile());
        CounterDevices d;
        if ("serial".equals(config.printerBackend())) {
            d = new CounterDevices(new EscPosReceiptPrinter(profile,
                    new SerialPrinterLink(SerialPrinterLink.Settings.of(config.printerPort(), config.printerBaud()))), null,
                    null, config.mediumMount());
        } else {
            VirtualPrinter vp = new VirtualPrinter(profile);
            d = new CounterDevices(new EscPosReceiptPrinter(profile, new InProcessPrinterLink(vp)), vp,
                    config.dataDir().resolve(VIRTUAL_PRINTER_CONDITION_FILE), config.mediumMount());
        }
        d.useScanner(scannerFrom(config.scanner()));
        d.usePaymentDevice(switch (config.paymentBackend()) {
            case "simulated" -> new SimulatedEps();
            case "none", "" -> null;
            default -> throw new IllegalArgumentException("eps.backend must be none or simulated, not " + config.paymentBackend());
        });
        return d;
    }

    /** The scanner the settings name: a SANE device through saned, a scan-to-folder scanner, or the simulator. */
    static DocumentScanner scannerFrom(Map<String, String> s) {
        String backend = s.getOrDefault("scanner.backend", "simulated");
        return switch (backend) {
            case "sane" -> {
                String[] hp = s.getOrDefault("scanner.sane.address", "127.0.0.1:6566").split(":");
                Map<String, String> options = new java.util.TreeMap<>();
                s.forEach((k, v) -> {
                    if (k.startsWith(TerminalConfig.SANE_OPTION)) {
                        options.put(k.substring(TerminalConfig.SANE_OPTION.length()), v);
                    }
                });
                yield new SaneDocumentScanner(new java.net.InetSocketAddress(hp[0], Integer.parseInt(hp[1])),
                        s.getOrDefault("scanner.sane.device", "test:0"), options);
            }
            case "folder" -> new FolderDocumentScanner(Path.of(s.getOrDefault("scanner.folder", "scans")), java.time.Duration.ofMillis(300));
            case "simulated" -> new SimulatedScanner();
            default -> throw new IllegalArgumentException("scanner.backend must be simulated, sane or folder, not " + backend);
        };
    }

    private volatile DocumentScanner scanner = new SimulatedScanner();

    private volatile PaymentDevice paymentDevice;

    /** The kiosk's EPS payment device (none at a counter PC). */
    public void usePaymentDevice(PaymentDevice device) {
        this.paymentDevice = device;
    }

    public Optional<PaymentDevice> paymentDevice() {
        return Optional.ofNullable(paymentDevice);
    }

    /** Replaces the counter's scanner (configuration, or a test's own). */
    public void useScanner(DocumentScanner s) {
        this.scanner = s;
    }

    public DocumentScanner scanner() {
        return scanner;
    }

    /** The simulator, when this counter has one (bin/run, tests). */
    public Optional<SimulatedScanner> simulatedScanner() {
        return scanner instanceof SimulatedScanner s ? Optional.of(s) : Optional.empty();
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
        List<DeviceHealth> all = new java.util.ArrayList<>(List.of(printerHealth, fileMediumHealth()));
        all.addAll(tokenReaders());
        all.add(scannerHealth());
        return List.copyOf(all);
    }

    private final Map<String, DeviceHealth> lastReaderHealth = new ConcurrentHashMap<>();
    private final Map<String, Pkcs11TokenWriter> readers = new ConcurrentHashMap<>();

    /**
     * The PKCS#11 token readers of this PC (each token brand whose module is installed): whether the customer's token
     * is in. While a write holds the reader its last state stands.
     */
    private List<DeviceHealth> tokenReaders() {
        List<DeviceHealth> out = new java.util.ArrayList<>();
        for (TokenProfile p : TokenProfile.all()) {
            if (p.medium() != TokenProfile.Medium.PKCS11 || !Files.isRegularFile(Path.of(p.module()))) {
                continue;
            }
            Optional<DeviceHealth> now;
            try {
                now = readers.computeIfAbsent(p.id(), id -> new Pkcs11TokenWriter(p)).health();
            } catch (RuntimeException e) {
                now = Optional.of(new DeviceHealth(DeviceKind.TOKEN_WRITER, p.id(), DeviceState.FAULT, "DEVICE_ERROR"));
            }
            now.ifPresent(h -> lastReaderHealth.put(p.id(), h));
            Optional.ofNullable(now.orElse(lastReaderHealth.get(p.id()))).ifPresent(out::add);
        }
        return out;
    }

    private DeviceHealth scannerHealth() {
        DocumentScanner s = scanner;
        String model = s instanceof SimulatedScanner ? "simulated" : s.describe();
        return s.problem().map(p -> new DeviceHealth(DeviceKind.SCANNER, model, DeviceState.FAULT, p.name()))
                .orElse(new DeviceHealth(DeviceKind.SCANNER, model, DeviceState.READY, ""));
    }

    /** The e-Cert File medium slot: ready when a writable medium is mounted. */
    private DeviceHealth fileMediumHealth() {
        boolean ready = mediumMount != null && Files.isDirectory(mediumMount) && Files.isWritable(mediumMount);
        return new DeviceHealth(DeviceKind.TOKEN_WRITER, "ecert-file-usb", ready ? DeviceState.READY : DeviceState.NO_HARDWARE,
                ready ? "" : "MEDIUM_MISSING");
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
