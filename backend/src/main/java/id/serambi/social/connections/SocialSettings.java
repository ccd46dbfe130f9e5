package id.serambi.social.connections;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the platforms are and who Serambi is to them (README "Configuration", "Connecting Facebook, Instagram and X").
 * Every key is also an environment variable: SERAMBI_SOCIAL_META_GRAPH_URL, SERAMBI_SOCIAL_X_CLIENT_ID, ...
 */
@ConfigMapping(prefix = "serambi.social")
public interface SocialSettings {

    /** Meta's Graph API, version included. */
    @WithDefault("https://graph.facebook.com/v23.0")
    String metaGraphUrl();

    /** Facebook Login's authorization dialog. */
    @WithDefault("https://www.facebook.com/v23.0/dialog/oauth")
    String metaOauthUrl();

    /** The Meta app's id and secret (developers.facebook.com → My Apps): without them, only system-user tokens. */
    Optional<String> metaAppId();

    Optional<String> metaAppSecret();

    /** The X API. */
    @WithDefault("https://api.x.com")
    String xApiUrl();

    /** X's OAuth 2.0 authorization page. */
    @WithDefault("https://x.com/i/oauth2/authorize")
    String xOauthUrl();

    /** The X app's OAuth 2.0 client id and secret (developer.x.com → Projects & Apps → Keys and tokens). */
    Optional<String> xClientId();

    Optional<String> xClientSecret();

    /** The longest wait for one platform call; a slower answer counts as a temporary failure. */
    @WithDefault("PT20S")
    Duration timeout();

    /**
     * How long Instagram may take to process a post's media (its container's status_code turning FINISHED) before the
     * attempt counts as a temporary failure.
     */
    @WithDefault("PT3M")
    Duration instagramProcessingWait();

    /** How often one instance checks the tokens' expiry (7-day warnings, expired tokens); "off" to disable. */
    @WithDefault("1h")
    String expiryCheckEvery();

    /** The first check's delay after the start. */
    @WithDefault("1m")
    String expiryCheckDelay();
}
