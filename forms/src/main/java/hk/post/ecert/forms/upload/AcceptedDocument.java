package hk.post.ecert.forms.upload;

import hk.post.ecert.forms.DocumentType;

/**
 * A document that passed validation: its type (from the bytes), size, SHA-256 (kept with it; a stored document
 * never changes) and, for a PDF, its page count or, for an image, its size in pixels.
 */
public record AcceptedDocument(DocumentType type, long bytes, String sha256, int pages, int width, int height) {
}
