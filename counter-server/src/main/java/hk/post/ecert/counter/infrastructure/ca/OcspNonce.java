package hk.post.ecert.counter.infrastructure.ca;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;

/** RFC 8954: an OCSP request's nonce is an OCTET STRING of 1 to 32 octets; any other is refused, never echoed. */
final class OcspNonce {

    static final int MAX_OCTETS = 32;

    private OcspNonce() {
    }

    static boolean acceptable(Extension nonce) {
        byte[] value = nonce.getExtnValue().getOctets();
        int length;
        try {
            length = ASN1OctetString.getInstance(value).getOctets().length;
        } catch (IllegalArgumentException notWrapped) {
            // some clients put the nonce's octets in the extension directly, without the inner OCTET STRING
            length = value.length;
        }
        return length >= 1 && length <= MAX_OCTETS;
    }
}
