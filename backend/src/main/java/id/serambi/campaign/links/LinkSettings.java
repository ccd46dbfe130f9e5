package id.serambi.campaign.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tracked links (serambi.links.*, each also an environment variable such as SERAMBI_LINKS_FLUSH_INTERVAL). */
@ConfigMapping(prefix = "serambi.links")
public interface LinkSettings {

    /**
     * How often each instance adds the clicks it counted to the database, in one statement: the funnel's clicks are
     * at most this much (plus the statement) behind.
     */
    @WithDefault("PT1S")
    Duration flushInterval();

    /**
     * How long an instance trusts what it read of a code: an unknown code is asked of the database again after this,
     * and a deleted link may go on redirecting this long on an instance that knew it.
     */
    @WithDefault("PT5S")
    Duration remember();

    /** Most codes one instance keeps in memory (known and unknown); past it the memory is emptied and refilled. */
    @WithDefault("100000")
    int maxCodes();
}
