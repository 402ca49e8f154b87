package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/**
 * A bank on the maintained list of Licensed Banks: its bank code, names, Business Registration number and address;
 * {@code listed} is false once it is no longer a licensed bank (no new application, renewal refused).
 */
public record LicensedBank(String code, Bilingual name, String brNumber, String address, boolean listed) {
}
