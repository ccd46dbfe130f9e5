package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, findings 7 and 14, in the files a library deploys with: docker-compose.yml and the nginx configuration.
 * The shipped compose file trusted any client's X-Forwarded-For (so rotating it dodged the sign-up limit and the login
 * throttle), turned the demo data and its public passwords on, linked every e-mail to localhost and proxied /q/ with the
 * metrics to the internet.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Files.exists(Path.of("docker-compose.yml")) ? Path.of(".") : Path.of("..");

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    private static String nginx() throws IOException {
        return Files.readString(ROOT.resolve("frontend/nginx.conf"));
    }

    @Test
    void theBackendTrustsForwardedAddressesOnlyFromNginx() throws IOException {
        JsonNode compose = compose();
        JsonNode env = compose.path("services").path("backend").path("environment");
        String trusted = env.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText("");
        assertEquals("frontend", trusted, "only the nginx service may set the client's address");
        assertTrue(compose.path("services").has(trusted), "the trusted proxy is a service of this file");
        assertTrue(compose.path("services").path(trusted).path("build").path("dockerfile").asText().startsWith("frontend/"));
        assertEquals("true", env.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText());
    }

    @Test
    void demoDataIsOffAndThePublicUrlAndKeyAreRequired() throws IOException {
        JsonNode env = compose().path("services").path("backend").path("environment");
        assertEquals("${SERAMBI_DEMO_ENABLED:-false}", env.path("SERAMBI_DEMO_ENABLED").asText());
        // ${VAR:?message}: docker compose refuses to start (and to validate) without the variable.
        assertTrue(env.path("SERAMBI_PUBLIC_URL").asText().matches("\\$\\{SERAMBI_PUBLIC_URL:\\?.+}"),
                env.path("SERAMBI_PUBLIC_URL").asText());
        assertTrue(env.path("SERAMBI_JWT_KEY_ENCRYPTION_KEY").asText().matches("\\$\\{SERAMBI_JWT_KEY_ENCRYPTION_KEY:\\?.+}"),
                env.path("SERAMBI_JWT_KEY_ENCRYPTION_KEY").asText());
        assertTrue(env.path("SERAMBI_SURVEYS_FORM_SECRET").asText().matches("\\$\\{SERAMBI_SURVEYS_FORM_SECRET:\\?.+}"),
                env.path("SERAMBI_SURVEYS_FORM_SECRET").asText());
    }

    @Test
    void theManagementPortIsPublishedNowhere() throws IOException {
        JsonNode services = compose().path("services");
        assertFalse(services.path("backend").has("ports"), "the API is reached through nginx only");
        List<String> published = new ArrayList<>();
        services.forEach(service -> service.path("ports").forEach(p -> published.add(p.asText())));
        for (String port : published) {
            assertFalse(port.endsWith(":9000") || port.equals("9000"), "management port published: " + port);
        }
        assertEquals(List.of("8080:80"), published);
        assertFalse(services.path("backend").path("expose").toString().contains("9000"));
    }

    @Test
    void nginxOverwritesTheForwardedAddress() throws IOException {
        String conf = nginx();
        assertFalse(conf.contains("$proxy_add_x_forwarded_for"), "appending keeps what the client sent");
        Matcher xff = Pattern.compile("proxy_set_header\\s+X-Forwarded-For\\s+([^;]+);").matcher(conf);
        int count = 0;
        while (xff.find()) {
            assertEquals("$remote_addr", xff.group(1).strip());
            count++;
        }
        int proxies = count(conf, "proxy_pass ");
        assertEquals(proxies, count, "every proxied location sets X-Forwarded-For");
        assertEquals(proxies, count(conf, "proxy_set_header X-Real-IP $remote_addr;"));
    }

    @Test
    void nginxProxiesNoManagementEndpoint() throws IOException {
        String conf = nginx();
        Matcher location = Pattern.compile("location\\s+([^{]+)\\{([^}]*)}").matcher(conf);
        List<String> proxied = new ArrayList<>();
        while (location.find()) {
            String where = location.group(1).strip();
            String body = location.group(2);
            if (body.contains("proxy_pass")) {
                proxied.add(where);
                assertTrue(body.contains("proxy_pass http://backend:8080;"), where + ": " + body);
            }
            if (where.equals("/q/")) {
                assertTrue(body.contains("return 404;"), "/q/ is not proxied: " + body);
            }
        }
        // The API, its media uploads (a larger body), the media files, and the OpenAPI document: never /q/health or metrics.
        assertEquals(List.of("/api/", "= /api/media", "/media/", "~ ^/q/(openapi|swagger-ui)(/|$)"), proxied);
        assertFalse(conf.contains(":9000"));
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/health", "/q/info")) {
            assertFalse(Pattern.compile("^/q/(openapi|swagger-ui)(/|$)").matcher(path).find(), path);
        }
        assertTrue(Pattern.compile("^/q/(openapi|swagger-ui)(/|$)").matcher("/q/openapi").find());
        assertTrue(Pattern.compile("^/q/(openapi|swagger-ui)(/|$)").matcher("/q/swagger-ui/index.html").find());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
