package id.serambi.event.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long guests' personal data is kept after their event ends (UU PDP). */
@ConfigMapping(prefix = "serambi.events")
public interface GuestRetentionConfig {

    /**
     * Guests' name, e-mail and WhatsApp number are purged from the registrations of events that ended longer ago
     * than this (SERAMBI_EVENTS_GUEST_RETENTION, an ISO-8601 duration such as P180D).
     */
    @WithDefault("P180D")
    Duration guestRetention();

    /** How often the purge runs, as the scheduler reads it ("1h", or "off"; SERAMBI_EVENTS_GUEST_PURGE_EVERY). */
    @WithDefault("1h")
    String guestPurgeEvery();

    /** How long after start-up the purge first runs (SERAMBI_EVENTS_GUEST_PURGE_DELAY). */
    @WithDefault("60s")
    String guestPurgeDelay();
}
