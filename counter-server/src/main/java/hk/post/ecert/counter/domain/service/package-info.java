/** Domain services: ports to what the domain needs from outside, such as the certificate authority. */
package hk.post.ecert.counter.domain.service;
