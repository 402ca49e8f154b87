package hk.post.ecert.forms;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentTypeTest {

    @Test
    void theTypeComesFromTheBytes() {
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(DocumentType.JPEG), DocumentType.of(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of(DocumentType.PNG), DocumentType.of(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
    }

    @Test
    void aRenamedFileOrTruncatedSignatureIsNotAcceptedType() {
        assertEquals(Optional.empty(), DocumentType.of("MZ\u0090\u0000 renamed.exe.pdf".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), DocumentType.of("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), DocumentType.of(new byte[]{(byte) 0x89, 'P', 'N'}));
        assertEquals(Optional.empty(), DocumentType.of(new byte[0]));
    }
}
