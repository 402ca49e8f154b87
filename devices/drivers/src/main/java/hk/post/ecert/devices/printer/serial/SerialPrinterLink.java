package hk.post.ecert.devices.printer.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import hk.post.ecert.devices.printer.escpos.EscPos;
import hk.post.ecert.devices.printer.escpos.PrinterLink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A printer on a serial line, through jSerialComm (the only class that imports it). The port is named by path —
 * a symlink such as a socat pty link is resolved afresh on every open, so a line that came back under a new
 * {@code /dev/pts/N} is found again.
 */
public class SerialPrinterLink implements PrinterLink {

    /** Line settings: speed, 8 data bits, no parity, 1 stop bit unless told otherwise, and flow control. */
    public record Settings(String path, int baud, int dataBits, int stopBits, int parity, FlowControl flow) {
        public static Settings of(String path, int baud) {
            return new Settings(path, baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY, FlowControl.NONE);
        }
    }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    private final Settings settings;
    private SerialPort port;

    public SerialPrinterLink(Settings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void open() throws IOException {
        if (!Files.exists(Path.of(settings.path()))) {
            throw new IOException("no serial port at " + settings.path());
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(settings.path());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port at " + settings.path(), e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity());
        p.setFlowControl(switch (settings.flow()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        });
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 500, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + settings.path() + " (error " + p.getLastErrorCode() + ")");
        }
        // jSerialComm reports what it was asked, not what the line took: a non-standard speed on a pty "succeeds"
        // and leaves the line at 0 bd. Ask the terminal driver itself (stty) what speed the line runs at.
        String applied = lineSpeed(p.getSystemPortPath());
        if (applied != null && !applied.equals(Integer.toString(settings.baud()))) {
            p.closePort();
            throw new LineSettingsException("serial line " + settings.path() + " runs at " + applied
                    + " bd, not the configured " + settings.baud() + " bd");
        }
        port = p;
    }

    /** The speed the OS applied to the line, from {@code stty}; {@code null} where stty is not available. */
    static String lineSpeed(String systemPath) {
        if (!Files.isExecutable(Path.of("/bin/stty"))) {
            return null;
        }
        try {
            Process stty = new ProcessBuilder("/bin/stty", "-F", systemPath, "speed").redirectErrorStream(true).start();
            String out = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            return stty.waitFor() == 0 && out.matches("\\d+") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The port opened but the line did not take the settings. */
    public static final class LineSettingsException extends IOException {
        public LineSettingsException(String message) {
            super(message);
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null && port.isOpen();
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        requireOpen();
        int off = 0;
        while (off < data.length) {
            int n = port.writeBytes(data, data.length - off, off);
            if (n <= 0) {
                throw new IOException("serial line " + settings.path() + " went away after " + off + " bytes");
            }
            off += n;
        }
    }

    @Override
    public synchronized int[] statuses(int[] ns, Duration timeout) throws IOException {
        requireOpen();
        drainInput();
        byte[] ask = new byte[ns.length * 3];
        for (int i = 0; i < ns.length; i++) {
            ask[i * 3] = EscPos.DLE;
            ask[i * 3 + 1] = EscPos.EOT;
            ask[i * 3 + 2] = (byte) ns[i];
        }
        if (port.writeBytes(ask, ask.length) != ask.length) {
            throw new IOException("serial line " + settings.path() + " went away");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] got = new byte[ns.length];
        int have = 0;
        while (have < ns.length && System.nanoTime() < deadline) {
            int n = port.readBytes(got, ns.length - have, have);
            if (n < 0) {
                throw new IOException("serial line " + settings.path() + " went away");
            }
            have += n;
        }
        int[] out = new int[have];
        for (int i = 0; i < have; i++) {
            out[i] = got[i] & 0xFF;
        }
        return out;
    }

    private void drainInput() throws IOException {
        int available = port.bytesAvailable();
        if (available < 0) {
            throw new IOException("serial line " + settings.path() + " went away");
        }
        if (available > 0) {
            port.readBytes(new byte[available], available);
        }
    }

    private void requireOpen() throws IOException {
        if (!isOpen()) {
            throw new IOException("serial port " + settings.path() + " is not open");
        }
    }

    @Override
    public int baud() {
        return settings.baud();
    }

    @Override
    public String describe() {
        return settings.path() + " @ " + settings.baud() + " bd";
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
