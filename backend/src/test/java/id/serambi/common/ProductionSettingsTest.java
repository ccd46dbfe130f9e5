package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 7: without SERAMBI_PUBLIC_URL every e-mail and QR code linked to localhost. The start-up check
 * (ProductionSettings, run before anything else starts) refuses a public URL that only the built-in default supplies.
 * Tested on the check itself with SmallRye Config built the way Quarkus builds it; starting the packaged jar is the
 * slow way to see the same exception.
 */
class ProductionSettingsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                // what SerambiConfig's @WithDefault contributes
                .withDefaultValue(ProductionSettings.PUBLIC_URL, "http://localhost:8080")
                .withSources(new MapBackedConfigSource("env", properties, 300) {
                })
                .build();
    }

    @Test
    void aMissingPublicUrlStopsTheStartNamingTheVariable() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ProductionSettings.checkPublicUrl(config(Map.of()).getConfigValue(ProductionSettings.PUBLIC_URL)));
        assertTrue(missing.getMessage().startsWith("SERAMBI_PUBLIC_URL is not set"), missing.getMessage());
    }

    @Test
    void aBlankOrRelativePublicUrlIsRefused() {
        for (String bad : Map.of("a", "serambi.example.go.id", "b", "ftp://serambi.example.go.id", "c", "/acara").values()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProductionSettings.checkPublicUrl(
                    config(Map.of(ProductionSettings.PUBLIC_URL, bad)).getConfigValue(ProductionSettings.PUBLIC_URL)));
            assertTrue(e.getMessage().contains("SERAMBI_PUBLIC_URL"), e.getMessage());
        }
    }

    @Test
    void aConfiguredPublicUrlPasses() {
        assertDoesNotThrow(() -> ProductionSettings.checkPublicUrl(config(Map.of(ProductionSettings.PUBLIC_URL,
                "https://serambi.banjarbarukota.go.id")).getConfigValue(ProductionSettings.PUBLIC_URL)));
        // even the localhost default, when someone deliberately sets it (a trial on one machine)
        assertDoesNotThrow(() -> ProductionSettings.checkPublicUrl(config(Map.of(ProductionSettings.PUBLIC_URL,
                "http://localhost:8080")).getConfigValue(ProductionSettings.PUBLIC_URL)));
    }

    @Test
    void aMissingOrShortSurveyFormSecretStopsTheStart() {
        for (Map<String, String> settings : List.of(Map.<String, String>of(), Map.of(ProductionSettings.SURVEY_FORM_SECRET, "  "),
                Map.of(ProductionSettings.SURVEY_FORM_SECRET, "terlalu-pendek"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProductionSettings.checkSurveyFormSecret(
                    config(settings).getConfigValue(ProductionSettings.SURVEY_FORM_SECRET)));
            assertTrue(e.getMessage().startsWith("SERAMBI_SURVEYS_FORM_SECRET is not set"), e.getMessage());
        }
        assertDoesNotThrow(() -> ProductionSettings.checkSurveyFormSecret(config(Map.of(ProductionSettings.SURVEY_FORM_SECRET,
                "c2VyYW1iaS1zdXJ2ZXktZm9ybS1zZWNyZXQtMzItYnl0ZXM=")).getConfigValue(ProductionSettings.SURVEY_FORM_SECRET)));
    }
}
