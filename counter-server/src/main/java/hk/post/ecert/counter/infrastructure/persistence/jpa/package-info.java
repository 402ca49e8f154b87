/**
 * Repositories over JPA, for aggregates that are entities of their own, read and written whole, with optimistic
 * versions and no money in them: terminals, device jobs, staff, and the token renewal saga. JPA's mapping keeps them
 * short, and a device job's or a saga's version check is what makes a repeated step harmless.
 */
package hk.post.ecert.counter.infrastructure.persistence.jpa;
