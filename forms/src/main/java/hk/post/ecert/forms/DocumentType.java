package hk.post.ecert.forms;

import java.util.Optional;

/**
 * The document types the counter keeps (rule 9: PDF, JPEG or PNG), decided from the bytes — never from the file
 * name, which a customer or a scanner may have got wrong.
 */
public enum DocumentType {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type the bytes really are, by their signature; empty for anything else. */
    public static Optional<DocumentType> of(byte[] bytes) {
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) {              // %PDF-
            return Optional.of(PDF);
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {                          // JPEG SOI + marker
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {  // PNG signature
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... sig) {
        if (bytes == null || bytes.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((bytes[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
