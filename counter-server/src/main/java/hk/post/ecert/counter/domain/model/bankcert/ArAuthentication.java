package hk.post.ecert.counter.domain.model.bankcert;

import java.time.Instant;

/**
 * A face-to-face authentication of a Licensed Bank's Authorised Representative at HKPCA's desk: who, with which
 * document (number masked; the digest lets a later application recognise the same person), by which officer, when,
 * in which application.
 */
public record ArAuthentication(String authId, String bankCode, String arName, ArIdentity.DocumentType documentType,
                               String idMasked, String idDigest, String officer, Instant at, String applicationRef) {
}
