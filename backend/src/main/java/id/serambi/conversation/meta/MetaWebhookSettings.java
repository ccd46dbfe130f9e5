package id.serambi.conversation.meta;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Meta's webhooks (README "Conversations"): the verify token staff typed into the Meta app's Webhooks settings. The
 * signatures are checked with the Meta app's secret, {@code serambi.social.meta-app-secret}. Every key is also an
 * environment variable: SERAMBI_CONVERSATIONS_META_VERIFY_TOKEN.
 */
@ConfigMapping(prefix = "serambi.conversations.meta")
public interface MetaWebhookSettings {

    /** What Meta's subscription handshake must send as hub.verify_token; without it, every handshake is refused. */
    Optional<String> verifyToken();
}
