package hk.post.ecert.devices.scanner;

import java.awt.image.BufferedImage;

/** One page as the scanner delivered it, numbered from 1 in the order it came out. */
public record ScannedImage(int sequence, BufferedImage image, int dpi, ScanRequest.Mode mode) {
}
