package id.serambi.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Serambi's own settings (prefix {@code serambi}); each can be set by an environment variable. */
@ConfigMapping(prefix = "serambi")
public interface SerambiConfig {

    Library library();

    Jwt jwt();

    Login login();

    Admin admin();

    Demo demo();

    Leaderboard leaderboard();

    interface Leaderboard {
        /** How often an SSE comment keeps idle leaderboard streams open through proxies. */
        @WithDefault("PT15S")
        Duration heartbeat();
    }

    /** Where patrons reach the web app; links in e-mails and calendars point here. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Events events();

    Campaigns campaigns();

    interface Campaigns {
        /** Posts a week each platform should get; 0 turns the platform's warnings off. */
        Cadence cadence();

        /** A run of this many days without a post on a platform is a gap warning on the content calendar. */
        @WithDefault("6")
        int gapDays();

        interface Cadence {
            @WithDefault("3")
            int facebook();

            @WithDefault("3")
            int instagram();

            @WithDefault("5")
            int x();
        }
    }

    interface Library {
        @WithDefault("Perpustakaan Kota Banjarbaru")
        String name();

        @WithDefault("Asia/Makassar")
        ZoneId timeZone();

        @WithDefault("id")
        String defaultLanguage();

        /** The library's contact address: the ORGANIZER of its events in calendar files. */
        @WithDefault("perpustakaan@serambi.local")
        String email();
    }

    interface Jwt {
        String issuer();

        @WithDefault("PT8H")
        Duration lifetime();

        /** PEM file (path or classpath resource) of the RS256 public key; with the private key, takes precedence. */
        Optional<String> publicKeyLocation();

        Optional<String> privateKeyLocation();
    }

    interface Login {
        @WithDefault("10")
        int maxFailures();

        @WithDefault("PT15M")
        Duration window();
    }

    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    interface Demo {
        @WithDefault("false")
        boolean enabled();
    }

    interface Events {
        /** How long before an event starts its confirmed registrants get the reminder e-mail. */
        @WithDefault("PT24H")
        Duration reminderLead();

        /** How long before the start the second, last-minute reminder goes out. */
        @WithDefault("PT1H")
        Duration hourReminderLead();

        /** How often the reminder job runs (a Quarkus scheduler period such as 5m, or off). */
        @WithDefault("5m")
        String reminderEvery();
    }
}
