package id.serambi.survey.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How survey forms are signed and how long one may be answered (application.properties, "Surveys"). */
@ConfigMapping(prefix = "serambi.surveys")
public interface SurveyFormSettings {

    /** Signs the forms (SERAMBI_SURVEYS_FORM_SECRET); production does not start without one (ProductionSettings). */
    Optional<String> formSecret();

    /** A form sent back sooner than this after it was served is refused: people read before they answer. */
    @WithDefault("PT3S")
    Duration formMinAge();

    /** A form sent back later than this after it was served is refused: the page loads it again. */
    @WithDefault("PT24H")
    Duration formMaxAge();
}
