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

    RateLimit rateLimit();

    Http http();

    /** Request limits of our own, besides Quarkus' (quarkus.http.limits.*). */
    interface Http {
        /**
         * The largest request body, announced by Content-Length, outside uploads to the media library (which may reach
         * quarkus.http.limits.max-body-size); checked by FallbackRoutes before the body is read.
         */
        @WithDefault("2M")
        io.quarkus.runtime.configuration.MemorySize maxRequestBody();
    }

    /**
     * Requests per client address and per account (an e-mail, a registration, a member) in a period, refilled
     * gradually; over the limit is a 429 with Retry-After. Kept in memory per instance.
     */
    interface RateLimit {
        /** false turns every limit off (a benchmark); the login failure throttle stays. */
        @WithDefault("true")
        boolean enabled();

        /** Most addresses and accounts remembered per action; the least recently seen are forgotten first. */
        @WithDefault("20000")
        int maxKeys();

        /** POST /api/auth/login; the account is the e-mail. */
        Limit login();

        /** POST /api/auth/register; the account is the e-mail. */
        Limit signUp();

        /** POST /api/events/{id}/registrations; the account is the e-mail (each repeat e-mails a new link). */
        Limit eventRegistration();

        /** POST /api/events/{id}/questions; the account is the registration (its manage token). */
        Limit questions();

        /** POST /api/events/{id}/questions/{q}/upvote; the account is the registration. */
        Limit votes();

        /** POST /api/challenges/{id}/logs; the account is the member. */
        Limit readingLogs();

        /** POST /api/assistant/questions; public, so per address only. */
        Limit assistant();

        /** POST /api/surveys/{id}/responses; public, so per address only. */
        Limit surveyResponses();

        interface Limit {
            /** Requests one client address may make in the period. */
            int perIp();

            /** Requests one account may make in the period, from any address. */
            int perAccount();

            /** The period over which the requests refill, one by one. */
            Duration period();
        }
    }

    Database database();

    /** How the app's connection pool behaves when PostgreSQL is slow or away: fail fast, and let clients retry. */
    interface Database {
        /**
         * The URL of the one LISTEN connection ({@link PgNotifications}); the data source's reactive URL when unset.
         * Behind a pooler in transaction mode, which cannot hold a LISTEN, point it straight at PostgreSQL.
         */
        Optional<String> listenUrl();

        /**
         * Longest wait for a pooled connection while PostgreSQL is reachable but slow or every connection is busy;
         * past it the request gets a 503 problem. (A database that refuses connections fails requests at once.)
         */
        @WithDefault("PT10S")
        Duration acquireTimeout();

        /** Longest wait for a new TCP connection to PostgreSQL (matters when packets are dropped, not refused). */
        @WithDefault("PT3S")
        Duration connectTimeout();

        /** Requests that may queue for a connection; the next one gets a 503 problem at once. */
        @WithDefault("1000")
        int maxWaitQueue();
    }

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

        /** Opening hours as a sentence part, for the assistant's {jam_buka} (issue 19; the default is a demo value). */
        @WithDefault("Senin–Kamis pukul 08.00–15.30 WITA, Jumat pukul 08.00–11.00 WITA, Sabtu pukul 08.00–12.00 WITA; "
                + "Minggu dan hari libur nasional tutup")
        String hours();

        /** The street address, for the assistant's {alamat} (a demo value by default). */
        @WithDefault("Jl. Jenderal Sudirman No. 1, Loktabat Utara, Banjarbaru, Kalimantan Selatan")
        String address();

        /** The telephone number, for the assistant's {telepon} (a demo value by default). */
        @WithDefault("(0511) 4772000")
        String phone();

        /** The WhatsApp number, for the assistant's {whatsapp} (a demo value by default). */
        @WithDefault("0812-5000-2026")
        String whatsapp();
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

        /** How long after start-up the reminder job first runs. */
        @WithDefault("30s")
        String reminderDelay();
    }
}
