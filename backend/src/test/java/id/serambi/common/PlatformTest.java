package id.serambi.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the API description that operators and API clients rely on. Health and metrics are on the
 * management interface, its own port; the OpenAPI document and Swagger UI stay on the main port.
 */
@QuarkusTest
class PlatformTest {

    /** The management interface's port in tests (quarkus.management.test-port). */
    static String management(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }

    private final String ready = management("/q/health/ready");
    private final String metrics = management("/q/metrics");

    /** Issue 13, finding 14: the metrics (JVM version, login outcomes) were public on the main port. */
    @Test
    void healthAndMetricsAreNotOnTheMainPort() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            given().get(path).then().statusCode(404);
        }
        given().get(metrics).then().statusCode(200).body(containsString("jvm_"));
        given().get(ready).then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsCountApiRequests() {
        given().get("/api/library").then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/library\""));
    }

    /** Pages of the SPA share one tag; one tag per path would fill Micrometer's 100 and stop the API's counting. */
    @Test
    void theSpaPagesShareOneMetricsTag() {
        for (String page : List.of("/acara/9101", "/acara/9102", "/tantangan/9103")) {
            given().get(page);
        }
        given().get("/api/library").then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(containsString("uri=\"/{page}\""))
                .body(not(containsString("/acara/9101")))
                .body(not(containsString("/tantangan/9103")))
                .body(containsString("uri=\"/library\""));
    }

    @Test
    void theOpenApiDocumentDescribesTheAccountEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Serambi API"))
                .body("paths", hasKey("/api/auth/register"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/me"))
                .body("paths.'/api/auth/register'.post.responses", hasKey("202"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                // Every error response, including the 401/403 added for secured operations, is a Problem.
                .body("paths.'/api/me'.get.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/users'.get.responses.'403'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
