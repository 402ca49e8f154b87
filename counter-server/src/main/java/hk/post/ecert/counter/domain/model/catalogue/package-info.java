/** The certificate catalogue: types, variants, channels, forms, and the rules that follow from them alone. */
package hk.post.ecert.counter.domain.model.catalogue;
