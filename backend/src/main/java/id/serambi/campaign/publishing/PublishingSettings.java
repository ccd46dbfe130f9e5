package id.serambi.campaign.publishing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the publishing job runs (serambi.campaigns.*, each also an environment variable such as SERAMBI_CAMPAIGNS_PUBLISH_EVERY). */
@ConfigMapping(prefix = "serambi.campaigns")
public interface PublishingSettings {

    /** How often each instance looks for due variants ("10s", or "off"): a variant goes out within this of its time. */
    @WithDefault("10s")
    String publishEvery();

    /** How long after start-up the job first runs. */
    @WithDefault("5s")
    String publishDelay();

    /** The first wait after a temporary failure; each further one doubles (up to 30 minutes), or longer if the platform asks. */
    @WithDefault("PT30S")
    Duration retryBackoff();

    /** A temporary failure is retried only this long after the variant's time; past it the variant is FAILED. */
    @WithDefault("PT2H")
    Duration retryWindow();

    /**
     * An attempt still unfinished this long after it started was cut off (its instance crashed or was killed): the
     * variant becomes CHECK_NEEDED and is never re-sent blindly. Longer than any platform call can take.
     */
    @WithDefault("PT5M")
    Duration attemptLease();

    /** A variant still not out this long after its time is MISSED ("Terlewat"), and its author and the reviewers are told. */
    @WithDefault("PT30M")
    Duration missedAfter();

    /** Platform calls one instance makes at once. */
    @WithDefault("8")
    int publishConcurrency();

    /** Variants one instance claims at a time (it claims again while batches come back full). */
    @WithDefault("40")
    int publishBatch();
}
