package hk.post.ecert.devices.scanner.sane;

import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneOption;
import au.com.southsky.jfreesane.SaneSession;
import au.com.southsky.jfreesane.SaneStatus;
import hk.post.ecert.devices.scanner.DocumentScanner;
import hk.post.ecert.devices.scanner.ScanRequest;
import hk.post.ecert.devices.scanner.ScannedImage;
import hk.post.ecert.devices.scanner.ScannerException;
import hk.post.ecert.devices.scanner.ScannerFault;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A SANE scanner through saned, with jfreesane (the only class that uses it). Each scan opens a session, sets the
 * source, mode and resolution the device offers, and acquires pages — from the feeder until SANE says there are no
 * more documents. SANE statuses become typed faults; the pages already scanned are kept.
 */
public final class SaneDocumentScanner implements DocumentScanner {

    /** A scan from a feeder never returns more than this (a backend that never runs out of paper). */
    static final int MAX_PAGES = 200;

    private final InetSocketAddress saned;
    private final String deviceName;
    private final Map<String, String> deviceOptions;
    private volatile SaneDevice current;
    private volatile boolean cancelled;

    /**
     * @param deviceOptions device-specific SANE options set after source, mode and resolution (e.g. the {@code pnm}
     *                      backend's {@code filename}), by option name
     */
    public SaneDocumentScanner(InetSocketAddress saned, String deviceName, Map<String, String> deviceOptions) {
        this.saned = saned;
        this.deviceName = deviceName;
        this.deviceOptions = Map.copyOf(deviceOptions);
    }

    public SaneDocumentScanner(InetSocketAddress saned, String deviceName) {
        this(saned, deviceName, Map.of());
    }

    @Override
    public List<ScannedImage> scan(ScanRequest request, Consumer<ScannedImage> onPage) throws ScannerException {
        cancelled = false;
        List<ScannedImage> pages = new ArrayList<>();
        try (SaneSession session = SaneSession.withRemoteSane(saned, 5, TimeUnit.SECONDS, 60, TimeUnit.SECONDS)) {
            SaneDevice device = session.getDevice(deviceName);
            try {
                device.open();
                current = device;
                boolean feeder = configure(device, request, deviceOptions);
                while (pages.size() < MAX_PAGES) {
                    if (cancelled) {
                        throw new ScannerException(ScannerFault.CANCELLED, "cancelled after " + pages.size() + " page(s)", pages);
                    }
                    BufferedImage img;
                    try {
                        img = device.acquireImage();
                    } catch (SaneException e) {
                        SaneStatus s = e.getStatus();
                        if (s == SaneStatus.STATUS_NO_DOCS && !pages.isEmpty() && request.source() == ScanRequest.Source.ADF) {
                            break;   // the feeder is empty: the normal end of a feeder scan
                        }
                        throw new ScannerException(fault(s), deviceName + " reported " + s, pages);
                    }
                    ScannedImage page = new ScannedImage(pages.size() + 1, img, request.dpi(), request.mode());
                    pages.add(page);
                    onPage.accept(page);
                    if (request.source() == ScanRequest.Source.FLATBED || !feeder) {
                        break;   // one page from a flatbed, or from a device without a feeder
                    }
                }
                return pages;
            } finally {
                current = null;
                try {
                    device.close();
                } catch (IOException ignored) {
                    // the session is closed next anyway
                }
            }
        } catch (SaneException e) {
            throw new ScannerException(fault(e.getStatus()), deviceName + ": " + e.getMessage(), pages);
        } catch (IOException e) {
            throw new ScannerException(ScannerFault.UNREACHABLE, "saned at " + saned + ": " + e.getMessage(), pages);
        }
    }

    /** Sets source, mode, resolution and the device's own options; tells whether pages come from a feeder. */
    private static boolean configure(SaneDevice device, ScanRequest r, Map<String, String> extra)
            throws IOException, SaneException, ScannerException {
        boolean feeder = false;
        SaneOption source = device.getOption("source");
        if (source != null && source.isActive() && source.isWriteable()) {
            String wanted = pick(source.getStringConstraints(), r.source() == ScanRequest.Source.ADF
                    ? new String[] {"automatic document feeder", "adf", "feeder"} : new String[] {"flatbed"});
            if (wanted != null) {
                source.setStringValue(wanted);
                feeder = r.source() == ScanRequest.Source.ADF;
            } else if (r.source() == ScanRequest.Source.ADF && source.getStringConstraints() != null
                    && !source.getStringConstraints().isEmpty()) {
                throw new ScannerException(ScannerFault.UNSUPPORTED, "no document feeder: " + source.getStringConstraints());
            }
        }
        SaneOption mode = device.getOption("mode");
        if (mode != null && mode.isActive() && mode.isWriteable()) {
            String wanted = pick(mode.getStringConstraints(), switch (r.mode()) {
                case BILEVEL -> new String[] {"lineart", "binary", "halftone"};
                case GREY -> new String[] {"gray", "grey"};
                case COLOUR -> new String[] {"color", "colour"};
            });
            if (wanted != null) {
                mode.setStringValue(wanted);
            }
        }
        SaneOption resolution = device.getOption("resolution");
        if (resolution != null && resolution.isActive() && resolution.isWriteable()) {
            switch (resolution.getType()) {
                case FIXED -> resolution.setFixedValue(r.dpi());
                case INT -> resolution.setIntegerValue(r.dpi());
                default -> {
                    // a resolution the driver does not let us set
                }
            }
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            SaneOption o = device.getOption(e.getKey());
            if (o == null) {
                throw new ScannerException(ScannerFault.UNSUPPORTED, device.getName() + " has no option " + e.getKey());
            }
            switch (o.getType()) {
                case BOOLEAN -> o.setBooleanValue(Boolean.parseBoolean(e.getValue()) || "yes".equalsIgnoreCase(e.getValue()));
                case INT -> o.setIntegerValue(Integer.parseInt(e.getValue().trim()));
                case FIXED -> o.setFixedValue(Double.parseDouble(e.getValue().trim()));
                case BUTTON -> o.setButtonValue();
                default -> o.setStringValue(e.getValue());
            }
        }
        return feeder;
    }

    private static String pick(List<String> offered, String[] wanted) {
        if (offered == null) {
            return null;
        }
        for (String w : wanted) {
            for (String o : offered) {
                if (o.toLowerCase(Locale.ROOT).contains(w)) {
                    return o;
                }
            }
        }
        return null;
    }

    static ScannerFault fault(SaneStatus s) {
        if (s == null) {
            return ScannerFault.DEVICE_ERROR;
        }
        return switch (s) {
            case STATUS_NO_DOCS, STATUS_EOF -> ScannerFault.NO_DOCUMENTS;
            case STATUS_JAMMED -> ScannerFault.JAMMED;
            case STATUS_COVER_OPEN -> ScannerFault.COVER_OPEN;
            case STATUS_DEVICE_BUSY -> ScannerFault.BUSY;
            case STATUS_CANCELLED -> ScannerFault.CANCELLED;
            case STATUS_IO_ERROR -> ScannerFault.IO_ERROR;
            case STATUS_UNSUPPORTED, STATUS_INVAL -> ScannerFault.UNSUPPORTED;
            default -> ScannerFault.DEVICE_ERROR;
        };
    }

    @Override
    public void cancel() {
        cancelled = true;
        SaneDevice d = current;
        if (d != null) {
            try {
                d.cancel();
            } catch (IOException ignored) {
                // the loop sees the flag
            }
        }
    }

    /** saned answers on its port (a TCP connect; saned logs it as a harmless bad request). */
    @Override
    public java.util.Optional<ScannerFault> problem() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(saned, 300);
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(ScannerFault.UNREACHABLE);
        }
    }

    @Override
    public String describe() {
        return "SANE " + deviceName + " at " + saned.getHostString() + ":" + saned.getPort();
    }
}
