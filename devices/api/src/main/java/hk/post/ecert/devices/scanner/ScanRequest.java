package hk.post.ecert.devices.scanner;

/**
 * What to scan: from the flatbed (one page) or the automatic document feeder (every page until it is empty), in
 * which mode, at which resolution.
 */
public record ScanRequest(Source source, Mode mode, int dpi) {

    public enum Source { FLATBED, ADF }

    public enum Mode { BILEVEL, GREY, COLOUR }

    public ScanRequest {
        if (dpi < 75 || dpi > 600) {
            throw new IllegalArgumentException("resolution " + dpi + " dpi is outside 75–600");
        }
    }

    /** The counter's default for forms and identity documents: ADF, grey, 300 dpi. */
    public static ScanRequest forms() {
        return new ScanRequest(Source.ADF, Mode.GREY, 300);
    }
}
