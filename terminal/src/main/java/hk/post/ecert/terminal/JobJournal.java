package hk.post.ecert.terminal;

import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terminal's durable record of every job it has started and how each ended, one JSON line per event, forced
 * to disk before the device is touched and before the result is sent. A job delivered again is answered from here
 * and never run twice; a job started but never finished (the terminal died mid-print) is reported UNKNOWN, because
 * the customer may already hold the receipt.
 */
public final class JobJournal implements AutoCloseable {

    private final FileChannel channel;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Map<String, JobResult> finished = new ConcurrentHashMap<>();

    public JobJournal(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> m;
                try {
                    m = Json.readObject(line);
                } catch (IllegalArgumentException torn) {
                    continue;   // a line torn by a crash mid-write: its job is treated as started-unfinished
                }
                if ("started".equals(m.get("event"))) {
                    started.add((String) m.get("jobId"));
                } else if ("finished".equals(m.get("event"))) {
                    @SuppressWarnings("unchecked")
                    JobResult r = Protocol.decodeResult((Map<String, Object>) m.get("result"));
                    finished.put(r.jobId(), r);
                }
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** What to answer for a job that arrives again, if it was seen before. */
    public Optional<JobResult> priorOutcome(String jobId) {
        JobResult done = finished.get(jobId);
        if (done != null) {
            return Optional.of(done);
        }
        if (started.contains(jobId)) {
            return Optional.of(new JobResult(jobId, JobOutcome.UNKNOWN, "INTERRUPTED",
                    "the terminal stopped while this job was running; check the device before repeating", Map.of()));
        }
        return Optional.empty();
    }

    public synchronized void started(String jobId) throws IOException {
        append(Map.of("event", "started", "jobId", jobId));
        started.add(jobId);
    }

    public synchronized void finished(JobResult result) throws IOException {
        // Evidence (receipt pictures) is for the server; the journal keeps the outcome and its output (a CSR: public).
        JobResult slim = new JobResult(result.jobId(), result.outcome(), result.reason(), result.detail(), Map.of(),
                result.output());
        append(Map.of("event", "finished", "result", Protocol.encodeResult(slim)));
        finished.put(result.jobId(), slim);
    }

    public Set<String> knownJobs() {
        Set<String> all = new HashSet<>(started);
        all.addAll(finished.keySet());
        return all;
    }

    private void append(Map<String, Object> entry) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
