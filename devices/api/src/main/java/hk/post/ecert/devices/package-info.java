/**
 * The counter devices' contracts and the job vocabulary shared by the counter server and its terminals.
 * Depends on nothing but the JDK, so the server can carry it without any driver library.
 */
package hk.post.ecert.devices;
