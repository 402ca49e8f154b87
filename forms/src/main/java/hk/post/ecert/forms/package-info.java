/**
 * The CPos 798 form family as code: form identities, the page mark (QR payload) that ties a scanned page back to
 * its case and form page, and the rules for uploaded documents. Depends on nothing of ours.
 */
package hk.post.ecert.forms;
