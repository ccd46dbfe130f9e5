package id.serambi.conversation.meta;

import id.serambi.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body under the app secret,
 * compared in constant time. No header is a 401; a wrong one a 403; no app secret configured a 503. Meta signs the
 * deliveries of its Page and Instagram webhooks and those of the WhatsApp Business Cloud API the same way.
 */
public final class MetaSignature {

    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    /** Checks a delivery's signature; {@code secretSetting} names the setting that holds the app secret. */
    public static void verify(Optional<String> appSecret, String secretSetting, byte[] body, String header) {
        if (appSecret.isEmpty() || appSecret.get().isBlank()) {
            throw new ProblemException(503, "webhook-not-configured", "Webhook not configured",
                    "Serambi has no app secret (" + secretSetting + ") to check the delivery's signature with");
        }
        if (header == null || header.isBlank()) {
            throw new ProblemException(401, "signature-missing", "Signature missing",
                    "The delivery has no X-Hub-Signature-256 header; nothing was stored");
        }
        String sent = header.strip();
        byte[] expected = hmac(appSecret.get(), body);
        byte[] given;
        try {
            given = sent.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    ? HexFormat.of().parseHex(sent.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT))
                    : new byte[0];
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ProblemException(403, "signature-invalid", "Signature invalid",
                    "The X-Hub-Signature-256 header does not match the delivery's body; nothing was stored");
        }
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
