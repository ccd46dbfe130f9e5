package id.serambi.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract API clients generate code from: every operation has a stable, readable,
 * unique operationId; the operations whose behaviour is not obvious say it; no schema leaks framework types; every
 * response object says which properties it always carries. (Spectral and Redocly lint the same document in the
 * build: npm run api:lint.)
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    /** Operations whose behaviour is not obvious from a summary: each must describe it. */
    private static final Set<String> DESCRIBED = Set.of("registerForEvent", "cancelRegistration", "promoteRegistrant",
            "logReading", "joinChallenge", "redeemChallengeCode", "publishPost", "patchEvent");

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        String json = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationHasAUniqueReadableOperationId() {
        List<String> missing = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, List<String>> seen = new HashMap<>();
        forEachOperation((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                missing.add(where);
            } else {
                seen.computeIfAbsent(id, k -> new ArrayList<>()).add(where);
                if (!id.matches("[a-z][a-zA-Z0-9]{2,60}")) {
                    unreadable.add(where + " → " + id);
                }
            }
        });
        assertEquals(List.of(), missing, "operations without an operationId");
        assertEquals(List.of(), unreadable, "operationIds must be lowerCamelCase words");
        List<String> duplicated = seen.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertEquals(List.of(), duplicated, "duplicated operationIds");
        assertTrue(seen.keySet().containsAll(DESCRIBED), "expected operationIds are missing: " + DESCRIBED);
    }

    @Test
    void operationsWithSubtleBehaviourDescribeIt() {
        List<String> undescribed = new ArrayList<>();
        forEachOperation((where, operation) -> {
            if (DESCRIBED.contains(operation.path("operationId").asText())
                    && operation.path("description").asText("").length() < 40) {
                undescribed.add(operation.path("operationId").asText());
            }
        });
        assertEquals(List.of(), undescribed, "these operations need a description of their behaviour");
    }

    @Test
    void noSchemaIsAFrameworkType() {
        JsonNode schemas = document.path("components").path("schemas");
        List<String> leaked = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (name.equals("OutboundSseEvent") || name.equals("Response") || name.equals("Multi")
                    || name.equals("Uni") || name.equals("Object")) {
                leaked.add(name);
            }
        });
        assertEquals(List.of(), leaked, "schemas named after framework types");
    }

    @Test
    void everyStreamDescribesItsEvents() {
        List<String> untyped = new ArrayList<>();
        forEachOperation((where, operation) -> operation.path("responses").path("200").path("content").fields()
                .forEachRemaining(media -> {
                    if (media.getKey().equals("text/event-stream")) {
                        JsonNode schema = media.getValue().path("schema");
                        if (schema.isMissingNode() || schema.isEmpty()) {
                            untyped.add(where);
                        }
                    }
                }));
        assertEquals(List.of(), untyped, "event streams without a payload schema");
    }

    @Test
    void everyResponseObjectSaysWhichPropertiesItCarries() {
        JsonNode schemas = document.path("components").path("schemas");
        List<String> open = new ArrayList<>();
        schemas.fields().forEachRemaining(entry -> {
            JsonNode schema = entry.getValue();
            if (schema.has("properties") && schema.path("properties").size() > 0 && !schema.has("required")
                    && !entry.getKey().endsWith("Request") && !entry.getKey().endsWith("Patch")) {
                open.add(entry.getKey());
            }
        });
        assertEquals(List.of(), open, "object schemas without a required list");
    }

    @Test
    void infoNamesItsLicenseContactAndServer() {
        JsonNode info = document.path("info");
        assertEquals("Apache-2.0", info.path("license").path("identifier").asText());
        assertTrue(info.path("contact").has("url"));
        assertTrue(info.path("description").asText().contains("RFC 3339"));
        assertEquals("/", document.path("servers").path(0).path("url").asText());
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                action.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }
}
