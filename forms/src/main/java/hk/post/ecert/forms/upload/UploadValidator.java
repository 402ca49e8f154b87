package hk.post.ecert.forms.upload;

import hk.post.ecert.forms.DocumentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * Rule 9 for every document the counter keeps: the type is decided from the bytes (PDF, JPEG or PNG only), at most
 * 5 MB, a renewal form must be a PDF; a PDF must parse completely, not be encrypted, and carry no JavaScript, launch
 * actions or embedded files; an image must decode and stay within a pixel limit (a small file that unpacks into
 * gigabytes is refused before it is decoded).
 */
public final class UploadValidator {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** 60 megapixels: an A4 page at 600 dpi is 35 MP; beyond this a "scan" is a decompression bomb. */
    public static final long MAX_PIXELS = 60_000_000L;

    /** What the document is for: the renewal form (PDF only) or a supporting document. */
    public enum Purpose { RENEWAL_FORM, SUPPORTING_DOCUMENT }

    private UploadValidator() {
    }

    public static AcceptedDocument validate(byte[] bytes, Purpose purpose) throws UploadRefusedException {
        if (bytes == null || bytes.length == 0) {
            throw new UploadRefusedException(RefusalReason.EMPTY, "The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UploadRefusedException(RefusalReason.TOO_LARGE, String.format(
                    "The file is %.1f MB; documents may be at most 5 MB. Scan at a lower resolution or split it.",
                    bytes.length / 1048576.0));
        }
        Optional<DocumentType> type = DocumentType.of(bytes);
        if (type.isEmpty()) {
            throw new UploadRefusedException(RefusalReason.UNSUPPORTED_TYPE,
                    "The file is not a PDF, JPEG or PNG (its content looks like " + looksLike(bytes) + "), whatever its name says.");
        }
        if (purpose == Purpose.RENEWAL_FORM && type.get() != DocumentType.PDF) {
            throw new UploadRefusedException(RefusalReason.FORM_MUST_BE_PDF, "The renewal form must be kept as a PDF.");
        }
        return type.get() == DocumentType.PDF ? pdf(bytes) : image(bytes, type.get());
    }

    private static AcceptedDocument pdf(byte[] bytes) throws UploadRefusedException {
        // PDFBox recovers from damage silently; a file cut short loses its end-of-file marker, so look for it first.
        String tail = new String(bytes, Math.max(0, bytes.length - 1024), Math.min(1024, bytes.length), StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new UploadRefusedException(RefusalReason.PDF_TRUNCATED, "The PDF is incomplete (it was cut short): upload it again.");
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted()) {
                throw new UploadRefusedException(RefusalReason.PDF_ENCRYPTED,
                        "The PDF is encrypted or password-protected: ask for an unprotected copy.");
            }
            for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
                COSObject object = doc.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary d) {
                    inspect(d);
                }
            }
            inspect(doc.getDocumentCatalog().getCOSObject());
            return new AcceptedDocument(DocumentType.PDF, bytes.length, sha256(bytes), doc.getNumberOfPages(), 0, 0);
        } catch (InvalidPasswordException e) {
            throw new UploadRefusedException(RefusalReason.PDF_ENCRYPTED,
                    "The PDF is encrypted or password-protected: ask for an unprotected copy.");
        } catch (IOException e) {
            throw new UploadRefusedException(RefusalReason.PDF_UNREADABLE, "The PDF cannot be read: " + e.getMessage());
        }
    }

    /** Active content anywhere in the file: JavaScript, launch actions, embedded files. */
    private static void inspect(COSDictionary d) throws UploadRefusedException {
        COSName s = d.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(s) || d.containsKey(COSName.JS)) {
            throw new UploadRefusedException(RefusalReason.PDF_JAVASCRIPT, "The PDF contains JavaScript, which the counter does not accept.");
        }
        if (COSName.getPDFName("Launch").equals(s)) {
            throw new UploadRefusedException(RefusalReason.PDF_LAUNCH_ACTION, "The PDF tries to launch a program, which the counter does not accept.");
        }
        if (d.containsKey(COSName.EMBEDDED_FILES) || COSName.EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE))
                || COSName.getPDFName("FileAttachment").equals(d.getCOSName(COSName.SUBTYPE))) {
            throw new UploadRefusedException(RefusalReason.PDF_EMBEDDED_FILES, "The PDF carries embedded files, which the counter does not accept.");
        }
        COSBase names = d.getDictionaryObject(COSName.NAMES);
        if (names instanceof COSDictionary n && n.containsKey(COSName.JAVA_SCRIPT)) {
            throw new UploadRefusedException(RefusalReason.PDF_JAVASCRIPT, "The PDF contains JavaScript, which the counter does not accept.");
        }
    }

    private static AcceptedDocument image(byte[] bytes, DocumentType type) throws UploadRefusedException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UploadRefusedException(RefusalReason.IMAGE_UNREADABLE, "The image cannot be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new UploadRefusedException(RefusalReason.IMAGE_TOO_MANY_PIXELS, String.format(
                            "The image claims %d × %d pixels (%.0f megapixels); at most %d megapixels are accepted.",
                            w, h, (double) w * h / 1e6, MAX_PIXELS / 1_000_000));
                }
                reader.read(0);   // decodes completely: a damaged image fails here
                return new AcceptedDocument(type, bytes.length, sha256(bytes), 1, w, h);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UploadRefusedException(RefusalReason.IMAGE_UNREADABLE, "The image cannot be read: " + e.getMessage());
        }
    }

    private static String looksLike(byte[] b) {
        String head = new String(b, 0, Math.min(8, b.length), StandardCharsets.ISO_8859_1);
        if (head.startsWith("MZ")) {
            return "a Windows program";
        }
        if (head.startsWith("PK")) {
            return "a ZIP archive or Office document";
        }
        if (head.startsWith("GIF8")) {
            return "a GIF image";
        }
        if (head.startsWith("\u007fELF")) {
            return "a program";
        }
        if (head.startsWith("II*") || head.startsWith("MM\u0000*")) {
            return "a TIFF image";
        }
        return "something else";
    }

    /** The SHA-256 of a file or page as lower-case hex, as an archived document and a signed scan page carry it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
