package id.serambi.account.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How {@link LoginThrottle} slows password guessing beyond one account from one address ({@code serambi.login.*}):
 * per address across accounts, per account across addresses, and across the whole site.
 */
@ConfigMapping(prefix = "serambi.login-throttle")
public interface LoginThrottleSettings {

    /** Failures one address may have in the window, across all accounts, before it must wait. */
    @WithDefault("30")
    int addressMaxFailures();

    /** Failures an account may have in the window, from any addresses, before each next attempt must wait. */
    @WithDefault("10")
    int accountFreeFailures();

    /** The first wait after the free failures; it doubles with each further failure, up to {@link #maxDelay()}. */
    @WithDefault("PT1S")
    Duration firstDelay();

    /** The longest wait an account's back-off asks for: the owner is never kept out longer. */
    @WithDefault("PT1M")
    Duration maxDelay();

    /** More failures than this across the site in the last minute is a spike. */
    @WithDefault("600")
    int globalMaxFailures();

    /** During a spike, the free failures per account before the back-off begins. */
    @WithDefault("3")
    int spikeFreeFailures();
}
