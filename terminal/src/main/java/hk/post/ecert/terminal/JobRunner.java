package hk.post.ecert.terminal;

import hk.post.ecert.devices.job.JobKind;
import hk.post.ecert.devices.payment.PaymentDevice;
import hk.post.ecert.devices.payment.PaymentException;
import hk.post.ecert.devices.payment.PaymentFault;
import hk.post.ecert.devices.payment.PaymentResult;
import hk.post.ecert.devices.payment.Settlement;
import hk.post.ecert.devices.job.DeviceJob;
import hk.post.ecert.devices.job.JobOutcome;
import hk.post.ecert.devices.job.JobResult;
import hk.post.ecert.devices.printer.PrintOutcome;
import hk.post.ecert.devices.printer.ReceiptCodec;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

import hk.post.ecert.devices.token.GeneratedKey;
import hk.post.ecert.devices.token.TokenException;
import hk.post.ecert.devices.token.TokenProfile;
import hk.post.ecert.devices.token.TokenTarget;
import hk.post.ecert.devices.token.TokenWriter;

import java.io.IOException;
import java.util.Base64;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import hk.post.ecert.devices.scanner.ScanRequest;
import hk.post.ecert.devices.scanner.ScannerException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs device jobs, each id at most once. The journal is written before the device is touched and after it
 * answers; a repeat of a known id is answered from the journal.
 */
public final class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final JobJournal journal;
    private final CounterDevices devices;
    private final Clock clock;

    private final PageUploader uploader;

    public JobRunner(JobJournal journal, CounterDevices devices, Clock clock) {
        this(journal, devices, clock, (job, seq, dpi, mode, png) -> {
            throw new IOException("this terminal cannot upload pages");
        });
    }

    public JobRunner(JobJournal journal, CounterDevices devices, Clock clock, PageUploader uploader) {
        this.journal = journal;
        this.devices = devices;
        this.clock = clock;
        this.uploader = uploader;
    }

    public synchronized JobResult run(DeviceJob job) throws IOException {
        var prior = journal.priorOutcome(job.jobId());
        if (prior.isPresent()) {
            LOG.info(() -> "job " + job.jobId() + " arrived again; answering with its first outcome " + prior.get().outcome());
            return prior.get();
        }
        if (clock.instant().isAfter(job.expiresAt())) {
            JobResult expired = new JobResult(job.jobId(), JobOutcome.EXPIRED, "EXPIRED", "arrived after its expiry", Map.of());
            journal.finished(expired);
            return expired;
        }
        journal.started(job.jobId());
        Object corr = job.payload().get("correlationId");
        String tag = corr == null ? "" : " [corr " + corr + "]";
        LOG.info(() -> "job " + job.jobId() + " (" + job.kind() + ") started" + tag);
        JobResult result = switch (job.kind()) {
            case PRINT_RECEIPT -> print(job);
            case TOKEN_GENERATE_KEY, TOKEN_INSTALL_CERTIFICATE, TOKEN_DISCARD -> token(job);
            case SCAN_DOCUMENTS -> scan(job);
            case EPS_SALE, EPS_STATUS -> payment(job);
            case EPS_SETTLE -> settle(job);
            case EPS_REFUND -> refund(job);
        };
        journal.finished(result);
        LOG.info(() -> "job " + job.jobId() + " ended " + result.outcome() + (result.reason() == null ? "" : " (" + result.reason() + ")") + tag);
        return result;
    }

    private JobResult print(DeviceJob job) {
        ReceiptDocument receipt = ReceiptCodec.fromMap(job.payload());
        int before = devices.virtualPrinter().map(v -> v.receipts().size()).orElse(0);
        PrintOutcome outcome = devices.printer().print(receipt);
        Map<String, String> evidence = new HashMap<>();
        devices.virtualPrinter().ifPresent(v -> evidenceFrom(v, before, evidence));
        String reason = outcome.fault().map(Enum::name).orElse(outcome.paperNearEnd() ? "PAPER_NEAR_END" : null);
        return switch (outcome.state()) {
            case PRINTED -> new JobResult(job.jobId(), JobOutcome.DONE, reason, outcome.bytes() + " bytes printed", evidence);
            case NOT_PRINTED -> new JobResult(job.jobId(), JobOutcome.FAILED, reason, "printer refused before printing", evidence);
            case UNKNOWN -> new JobResult(job.jobId(), JobOutcome.UNKNOWN, reason,
                    "sent " + outcome.bytes() + " bytes but the printer did not confirm", evidence);
        };
    }

    /**
     * An EPS sale (or a status enquiry) on the kiosk's payment device, under the payment id the server chose. A lost
     * answer is asked for at once by a status enquiry, before anything else; a sale the device never saw is cancelled
     * in advance, so that it cannot be charged if it arrives late. The outcome goes back as {@code outcome} (APPROVED,
     * DECLINED, CANCELLED or NOT_FOUND) with the approval code; UNKNOWN only when the device could not be asked.
     */
    private JobResult payment(DeviceJob job) {
        Optional<PaymentDevice> device = devices.paymentDevice();
        if (device.isEmpty()) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, "NO_PAYMENT_DEVICE", "this terminal has no EPS device", Map.of());
        }
        PaymentDevice eps = device.get();
        String id = String.valueOf(job.payload().get("paymentId"));
        long amount = ((Number) job.payload().getOrDefault("amountCents", 0)).longValue();
        PaymentResult r;
        try {
            r = job.kind() == JobKind.EPS_SALE ? eps.sale(id, amount) : eps.status(id);
        } catch (PaymentException e) {
            boolean neverReached = e.fault() == PaymentFault.DEVICE_OFFLINE
                    || e.fault() == PaymentFault.BUSY
                    || e.fault() == PaymentFault.INVALID_REQUEST;
            if (job.kind() == JobKind.EPS_SALE && neverReached) {
                return new JobResult(job.jobId(), JobOutcome.FAILED, e.fault().name(), e.getMessage(), Map.of());
            }
            try {
                r = eps.status(id);   // the answer was lost: ask before anything else
            } catch (PaymentException again) {
                return new JobResult(job.jobId(), JobOutcome.UNKNOWN, "OUTCOME_UNKNOWN",
                        e.getMessage() + "; the status enquiry failed too: " + again.getMessage(), Map.of());
            }
        }
        if (r.outcome() == PaymentResult.Outcome.NOT_FOUND) {
            try {
                eps.cancel(id);
            } catch (PaymentException e) {
                return new JobResult(job.jobId(), JobOutcome.UNKNOWN, "OUTCOME_UNKNOWN",
                        "the sale was not seen and could not be cancelled in advance: " + e.getMessage(), Map.of());
            }
        }
        Map<String, String> output = new HashMap<>();
        output.put("outcome", r.outcome().name());
        output.put("approvalCode", r.approvalCode());
        return new JobResult(job.jobId(), JobOutcome.DONE, r.outcome().name(), r.detail(), Map.of(), output);
    }

    /**
     * A refund of an approved EPS sale to its card, under the refund id the server chose: a repeat answers with the
     * first outcome. A lost answer is asked for by a status enquiry of the refund id; UNKNOWN only when that fails too
     * (the server sends the same refund again, which cannot refund twice).
     */
    private JobResult refund(DeviceJob job) {
        Optional<PaymentDevice> device = devices.paymentDevice();
        if (device.isEmpty()) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, "NO_PAYMENT_DEVICE", "this terminal has no EPS device", Map.of());
        }
        PaymentDevice eps = device.get();
        String refundId = String.valueOf(job.payload().get("refundId"));
        String paymentId = String.valueOf(job.payload().get("paymentId"));
        long amount = ((Number) job.payload().getOrDefault("amountCents", 0)).longValue();
        PaymentResult r;
        try {
            r = eps.refund(refundId, paymentId, amount);
        } catch (PaymentException e) {
            if (e.fault() == PaymentFault.DEVICE_OFFLINE || e.fault() == PaymentFault.BUSY || e.fault() == PaymentFault.INVALID_REQUEST) {
                return new JobResult(job.jobId(), JobOutcome.FAILED, e.fault().name(), e.getMessage(), Map.of());
            }
            try {
                r = eps.status(refundId);   // the answer was lost: ask before anything else
            } catch (PaymentException again) {
                return new JobResult(job.jobId(), JobOutcome.UNKNOWN, "OUTCOME_UNKNOWN",
                        e.getMessage() + "; the status enquiry failed too: " + again.getMessage(), Map.of());
            }
            if (r.outcome() == PaymentResult.Outcome.NOT_FOUND) {
                return new JobResult(job.jobId(), JobOutcome.FAILED, e.fault().name(), "the refund did not reach the device", Map.of());
            }
        }
        Map<String, String> output = new HashMap<>();
        output.put("outcome", r.outcome().name());
        output.put("approvalCode", r.approvalCode());
        return new JobResult(job.jobId(), JobOutcome.DONE, r.outcome().name(), r.detail(), Map.of(), output);
    }

    /** The day's EPS settlement: the device's approved sales not yet settled, closed into the batch the server named. */
    private JobResult settle(DeviceJob job) {
        Optional<PaymentDevice> device = devices.paymentDevice();
        if (device.isEmpty()) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, "NO_PAYMENT_DEVICE", "this terminal has no EPS device", Map.of());
        }
        try {
            Settlement s = device.get().settle(String.valueOf(job.payload().get("batchId")));
            return new JobResult(job.jobId(), JobOutcome.DONE, null, s.count() + " sales settled", Map.of(),
                    Map.of("batchId", s.batchId(), "count", Integer.toString(s.count()), "totalCents", Long.toString(s.totalCents()),
                            "paymentIds", String.join(",", s.paymentIds())));
        } catch (PaymentException e) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, e.fault().name(), e.getMessage(), Map.of());
        }
    }

    /** Token jobs: the PIN comes in the live message only; it is wiped here after use and never journalled. */
    private JobResult token(DeviceJob job) {
        Map<String, Object> p = job.payload();
        char[] pin = String.valueOf(p.getOrDefault("pin", "")).toCharArray();
        String keyId = (String) p.get("keyId");
        try {
            TokenProfile profile = TokenProfile.byId((String) p.get("profile"));
            TokenWriter writer = devices.tokenWriter(profile);
            TokenTarget target = devices.tokenTarget(profile, (String) p.get("label"));
            switch (job.kind()) {
                case TOKEN_GENERATE_KEY -> {
                    // earlier attempts of the same case that ended without a certificate on this medium (or whose
                    // certificate was revoked): their objects go first, under the PIN the customer just typed
                    for (Object earlier : (List<?>) p.getOrDefault("discard", List.of())) {
                        writer.discard(target, pin, String.valueOf(earlier));
                    }
                    GeneratedKey key = writer.generateKey(target, pin, keyId, (String) p.get("subject"));
                    return new JobResult(job.jobId(), JobOutcome.DONE, null, "key pair generated on the medium; CSR signed there",
                            Map.of(), Map.of("csr", Base64.getEncoder().encodeToString(key.csrDer())));
                }
                case TOKEN_INSTALL_CERTIFICATE -> {
                    @SuppressWarnings("unchecked")
                    List<Object> chain = (List<Object>) p.getOrDefault("chain", List.of());
                    writer.install(target, pin, keyId, Base64.getDecoder().decode((String) p.get("certificate")),
                            chain.stream().map(c -> Base64.getDecoder().decode((String) c)).toList());
                    return new JobResult(job.jobId(), JobOutcome.DONE, null, "certificate written, read back and verified",
                            Map.of(), Map.of("verified", "true"));
                }
                default -> {
                    writer.discard(target, pin, keyId);
                    return new JobResult(job.jobId(), JobOutcome.DONE, null, "the renewal's objects were removed", Map.of());
                }
            }
        } catch (TokenException e) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, e.fault().name(), e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, "DEVICE_ERROR", String.valueOf(e.getMessage()), Map.of());
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    /**
     * Scans and uploads each page as it comes (PNG, lossless; the server archives it). A fault after some pages
     * reports the fault and keeps the pages already uploaded. The simulator may be handed the pages to serve (the
     * demo's "printed" form).
     */
    private JobResult scan(DeviceJob job) {
        Map<String, Object> p = job.payload();
        ScanRequest request = new ScanRequest(ScanRequest.Source.valueOf(String.valueOf(p.getOrDefault("source", "ADF"))),
                ScanRequest.Mode.valueOf(String.valueOf(p.getOrDefault("mode", "GREY"))),
                ((Number) p.getOrDefault("dpi", 300)).intValue());
        devices.simulatedScanner().ifPresent(sim -> {
            Object demo = p.get("simulatorPages");
            if (demo instanceof List<?> pages) {
                List<java.awt.image.BufferedImage> images = new java.util.ArrayList<>();
                for (Object o : pages) {
                    try {
                        images.add(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode((String) o))));
                    } catch (IOException e) {
                        LOG.warning("a simulator page did not decode: " + e.getMessage());
                    }
                }
                sim.load(images);
            }
        });
        List<String> hashes = new java.util.ArrayList<>();
        IOException[] uploadFailure = new IOException[1];
        try {
            devices.scanner().scan(request, page -> {
                if (uploadFailure[0] != null) {
                    return;
                }
                try {
                    byte[] png = png(page.image());
                    uploader.upload(job.jobId(), page.sequence(), page.dpi(), page.mode().name(), png);
                    hashes.add(sha256(png));
                } catch (IOException e) {
                    uploadFailure[0] = e;
                    devices.scanner().cancel();
                }
            });
        } catch (ScannerException e) {
            if (uploadFailure[0] == null) {
                return new JobResult(job.jobId(), JobOutcome.FAILED, e.fault().name(), e.getMessage() + "; "
                        + hashes.size() + " page(s) uploaded before", Map.of(), Map.of("pages", Integer.toString(hashes.size()),
                        "sha256", String.join(",", hashes)));
            }
        }
        if (uploadFailure[0] != null) {
            return new JobResult(job.jobId(), JobOutcome.FAILED, "UPLOAD_FAILED", uploadFailure[0].getMessage(), Map.of(),
                    Map.of("pages", Integer.toString(hashes.size()), "sha256", String.join(",", hashes)));
        }
        return new JobResult(job.jobId(), JobOutcome.DONE, null, hashes.size() + " page(s) scanned and uploaded", Map.of(),
                Map.of("pages", Integer.toString(hashes.size()), "sha256", String.join(",", hashes)));
    }

    static byte[] png(java.awt.image.BufferedImage img) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void evidenceFrom(VirtualPrinter v, int before, Map<String, String> evidence) {
        try {
            if (v.awaitReceipts(before + 1, 2, TimeUnit.SECONDS)) {
                List<PrintedReceipt> all = v.receipts();
                PrintedReceipt r = all.get(all.size() - 1);
                evidence.put("text", r.text());
                evidence.put("png", r.pngBase64());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
