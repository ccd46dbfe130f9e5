package id.serambi.conversation.polling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The inbox's polling (README "Conversations (API)"): X mentions, and Meta's comments and conversations as a fallback
 * for missed webhooks. Every key is also an environment variable: SERAMBI_CONVERSATIONS_POLLING_EVERY, ...
 */
@ConfigMapping(prefix = "serambi.conversations.polling")
public interface PollingSettings {

    /**
     * How often one instance polls every connected account; "off" to disable. X's user mentions timeline allows 180
     * requests per 15 minutes per user (the Free tier far fewer): every 2 minutes stays well within it.
     */
    @WithDefault("2m")
    String every();

    /** Meta: how far back the comments of published posts are read. */
    @WithDefault("P14D")
    Duration postWindow();

    /** Meta: at most this many of the most recent published posts per account are polled. */
    @WithDefault("20")
    int posts();

    /** Meta: the first poll of an account reads this far back. */
    @WithDefault("PT24H")
    Duration firstLookback();

    /** Meta: each poll reads from the last poll's start less this (clocks and Meta's indexing lag). */
    @WithDefault("PT10M")
    Duration overlap();

    /** When a platform asks to wait without saying how long. */
    @WithDefault("PT15M")
    Duration defaultWait();

    /** How long one instance holds an account's poll before another may take it over (a crashed instance). */
    @WithDefault("PT5M")
    Duration lease();
}
