/** The server's key files on disk: where they live, who may read them, and how they are made once. */
package hk.post.ecert.counter.infrastructure.keys;
