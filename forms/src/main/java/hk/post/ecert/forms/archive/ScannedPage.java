package hk.post.ecert.forms.archive;

import java.awt.image.BufferedImage;

/**
 * One page as the scanner returned it.
 *
 * @param mode how it was scanned: bilevel pages are kept losslessly (CCITT G4), grey and colour as JPEG
 */
public record ScannedPage(BufferedImage image, int dpi, Mode mode) {

    public enum Mode { BILEVEL, GREY, COLOUR }
}
