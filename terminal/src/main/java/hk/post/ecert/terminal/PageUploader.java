package hk.post.ecert.terminal;

import java.io.IOException;

/** Sends one scanned page (PNG) to the server the terminal is connected to, signed with the terminal's key. */
public interface PageUploader {

    void upload(String jobId, int sequence, int dpi, String mode, byte[] png) throws IOException;
}
