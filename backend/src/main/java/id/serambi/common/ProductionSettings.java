package id.serambi.common;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.DefaultValuesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings a deployment must give, checked before anything else starts: a missing one stops the start with a message
 * that names its environment variable, rather than a server that quietly sends patrons links to localhost.
 *
 * <p>{@code serambi.public-url} (SERAMBI_PUBLIC_URL): where patrons reach Serambi; every e-mail, calendar file and
 * check-in QR code links there. Dev, the tests and the browser tests set it in application.properties under their
 * profiles; production must set it (SerambiConfig's built-in default does not count).
 *
 * <p>{@code serambi.surveys.form-secret} (SERAMBI_SURVEYS_FORM_SECRET): signs the survey forms patrons answer
 * (issue 20); dev and the tests set their own, production must set one of at least 32 characters.
 */
@ApplicationScoped
public class ProductionSettings {

    static final String PUBLIC_URL = "serambi.public-url";
    static final String SURVEY_FORM_SECRET = "serambi.surveys.form-secret";
    static final int SURVEY_FORM_SECRET_MIN_LENGTH = 32;

    void check(@Observes @Priority(1) StartupEvent event) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        checkPublicUrl(config.getConfigValue(PUBLIC_URL));
        checkSurveyFormSecret(config.getConfigValue(SURVEY_FORM_SECRET));
    }

    /**
     * Throws when {@code serambi.surveys.form-secret} (SERAMBI_SURVEYS_FORM_SECRET), which signs the survey forms
     * patrons answer, is not configured or is shorter than 32 characters: a guessable secret lets a bot forge forms.
     */
    static void checkSurveyFormSecret(ConfigValue value) {
        if (value == null || value.getValue() == null || value.getValue().strip().length() < SURVEY_FORM_SECRET_MIN_LENGTH) {
            throw new IllegalStateException("SERAMBI_SURVEYS_FORM_SECRET is not set or shorter than "
                    + SURVEY_FORM_SECRET_MIN_LENGTH + " characters: set it to the output of 'openssl rand -base64 32' "
                    + "(the same on every instance); it signs the survey forms patrons answer");
        }
    }

    /** Throws when the public URL is not configured by any source, or is not an absolute http(s) URL. */
    static void checkPublicUrl(ConfigValue value) {
        if (value == null || value.getValue() == null || value.getValue().isBlank() || isBuiltInDefault(value)) {
            throw new IllegalStateException("SERAMBI_PUBLIC_URL is not set: set it to the address patrons use to reach "
                    + "Serambi (e.g. https://serambi.example.go.id); links in e-mails, calendars and QR codes point there");
        }
        URI uri;
        try {
            uri = URI.create(value.getValue().strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalStateException("SERAMBI_PUBLIC_URL must be an absolute http(s) URL such as "
                    + "https://serambi.example.go.id, not '" + value.getValue() + "'");
        }
    }

    /** A value that only comes from a @WithDefault (SmallRye's default-values source, the lowest ordinal). */
    private static boolean isBuiltInDefault(ConfigValue value) {
        return value.getSourceOrdinal() == Integer.MIN_VALUE
                || DefaultValuesConfigSource.NAME.equals(value.getSourceName());
    }
}
