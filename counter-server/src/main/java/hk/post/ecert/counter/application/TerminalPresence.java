package hk.post.ecert.counter.application;

/** Whether a terminal is connected right now (answered by the terminal gateway). */
public interface TerminalPresence {

    boolean isOnline(String terminalId);

    /** Ends a terminal's connection now (it was revoked). */
    void disconnect(String terminalId);
}
