package id.serambi.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is part of the product: every operation, present and future, has a summary and a tag, an
 * example for its request body, a schema for its success body, and a problem+json schema for each error it lists.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumented() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> o = op.getValue();
                if (!(o.get("summary") instanceof String s) || s.isBlank()) {
                    continue; // parameters object, not an operation
                }
                operations++;
                if (!(o.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                    gaps.add(name + ": no tag");
                }
                if (o.get("requestBody") instanceof Map<?, ?> body) {
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) body.get("content");
                    boolean example = content != null && content.values().stream()
                            .anyMatch(c -> c.get("examples") != null || c.get("example") != null);
                    // File uploads (a CSV import, an image or video for the media library): a binary body has no example to show.
                    if (!example && !name.startsWith("POST /api/metrics/import") && !name.equals("POST /api/media")) {
                        gaps.add(name + ": request body without an example");
                    }
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) o.get("responses");
                boolean anySuccess = false;
                for (var response : responses.entrySet()) {
                    String code = response.getKey();
                    Object content = response.getValue().get("content");
                    if (code.startsWith("2")) {
                        anySuccess = true;
                        if (!code.equals("204") && content == null) {
                            gaps.add(name + " " + code + ": success without a body schema");
                        }
                    } else if (code.startsWith("4") || code.startsWith("5")) {
                        if (!(content instanceof Map<?, ?> c) || !c.containsKey(Problem.MEDIA_TYPE)) {
                            gaps.add(name + " " + code + ": error without application/problem+json");
                        }
                    }
                }
                if (!anySuccess) {
                    gaps.add(name + ": no success response");
                }
            }
        }
        assertEquals(List.of(), gaps, "undocumented parts of " + operations + " operations");
    }
}
