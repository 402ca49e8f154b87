package hk.post.ecert.counter.application;

import hk.post.ecert.devices.job.JobKind;

import java.util.Map;

/**
 * Something a device job carries that is made only when the job is sent, not stored with it: the stored payload names
 * it, and each delivery attaches it (as the PIN is). The DEMO scanner's "printed" pages are one: half a megabyte
 * rendered in the background, which neither the clerk's press nor the job table should wait on or keep.
 */
public interface DeliveryAttachment {

    /** The payload with this attachment added, or the payload as it is when it names nothing of this attachment's. */
    Map<String, Object> attach(JobKind kind, Map<String, Object> payload);
}
