package id.serambi.campaign.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The metrics pull job's schedule (README "Configuration"). */
@ConfigMapping(prefix = "serambi.campaigns")
public interface MetricsPullSettings {

    /** How often metrics are pulled from the platforms, as the scheduler reads it ("4h", or "off"). */
    @WithDefault("4h")
    String metricsPullEvery();

    /** How long after start-up the first round runs. */
    @WithDefault("2m")
    String metricsPullDelay();
}
