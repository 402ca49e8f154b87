/** e-Cert (Server): the certificate signing request an Authorised Representative supplies after approval (rule 7). */
package hk.post.ecert.counter.domain.model.server;
