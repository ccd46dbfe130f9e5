package id.serambi.conversation.whatsapp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The WhatsApp Business Cloud API (README "WhatsApp"). Every key is also an environment variable:
 * SERAMBI_WHATSAPP_API_URL, SERAMBI_WHATSAPP_PHONE_NUMBER_ID, SERAMBI_WHATSAPP_ACCESS_TOKEN (a secret: a system user's
 * permanent token, never logged), SERAMBI_WHATSAPP_APP_SECRET (checks the webhook's signature),
 * SERAMBI_WHATSAPP_VERIFY_TOKEN (the webhook subscription's verify token). Without a phone-number id and an access
 * token nothing goes to WhatsApp: everyone gets e-mail, as before.
 */
@ConfigMapping(prefix = "serambi.whatsapp")
public interface WhatsappSettings {

    /** The Graph API that serves the Cloud API, version included. */
    @WithDefault("https://graph.facebook.com/v23.0")
    String apiUrl();

    /** The business phone number's id (WhatsApp Manager → API setup). */
    Optional<String> phoneNumberId();

    /** The access token the messages are sent with. */
    Optional<String> accessToken();

    /** The Meta app's secret: the webhook's X-Hub-Signature-256 is its HMAC-SHA256 of the body. */
    Optional<String> appSecret();

    /** The verify token given when subscribing the webhook (GET hub.verify_token). */
    Optional<String> verifyToken();

    /** The approved templates' names are this prefix and the notice: serambi_confirmed, serambi_reminder, ... */
    @WithDefault("serambi_")
    String templatePrefix();

    /** The longest wait for one call; a slower answer is retried later. */
    @WithDefault("PT20S")
    Duration timeout();

    /** How often one instance sends the queued messages; "off" to disable. */
    @WithDefault("10s")
    String sendEvery();

    /** Whether queuing a message wakes the sender at once (else it waits for the next run). */
    @WithDefault("true")
    boolean sendAtOnce();

    /** The wait before a rate-limited or unanswered message is tried again (doubled each attempt). */
    @WithDefault("PT1M")
    Duration retryAfter();

    /** Whether messages can be sent at all. */
    default boolean sending() {
        return phoneNumberId().filter(v -> !v.isBlank()).isPresent() && accessToken().filter(v -> !v.isBlank()).isPresent();
    }
}
