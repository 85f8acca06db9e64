package org.ewea.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keys for one purpose each, derived from the secrets key (HMAC-SHA256 of the purpose's name), never the key itself. */
final class SecretKeys {

    private SecretKeys() {}

    static byte[] derive(byte[] secretsKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretsKey, "HmacSHA256"));
            return mac.doFinal(("ewea " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
