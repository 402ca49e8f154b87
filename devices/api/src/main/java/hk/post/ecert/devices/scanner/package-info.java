/** The document scanner contract: scan requests, the pages that come back, and typed faults. */
package hk.post.ecert.devices.scanner;
