package hk.post.ecert.counter.application;

/** Whether a terminal is connected right now (answered by the terminal gateway). */
public interface TerminalPresence {

    boolean isOnline(String terminalId);
}
