package id.serambi.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The served OpenAPI document (/q/openapi) read as the tests' list of operations, so that every endpoint added later
 * is fuzzed and access-checked without anyone remembering to add it.
 */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    final JsonNode root;
    final List<Op> operations = new ArrayList<>();

    /** One operation: its method, path template and OpenAPI object. */
    record Op(String method, String path, JsonNode node) {

        String name() {
            return method + " " + path;
        }

        /** Null when the operation is public, an empty set for "any logged-in caller", else the roles it admits. */
        Set<String> roles() {
            JsonNode security = node.get("security");
            if (security == null) {
                throw new AssertionError(name() + " has no security requirement in the OpenAPI document: mark it "
                        + "@SecurityRequirements (public) or secure it with @RolesAllowed/@Authenticated");
            }
            if (security.isEmpty()) {
                return null;
            }
            Set<String> roles = new LinkedHashSet<>();
            security.forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            return roles;
        }

        boolean isPublic() {
            return roles() == null;
        }

        boolean isStream() {
            JsonNode ok = node.path("responses").path("200").path("content");
            return ok.has("text/event-stream") || node.path("summary").asText().toLowerCase().contains("server-sent");
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        /** The first JSON media type of the request body, or null. */
        String jsonContentType() {
            return requestContent().keySet().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
        }

        /** Media type to request-body content, in document order. */
        Map<String, JsonNode> requestContent() {
            Map<String, JsonNode> content = new java.util.LinkedHashMap<>();
            node.path("requestBody").path("content").fields().forEachRemaining(e -> content.put(e.getKey(), e.getValue()));
            return content;
        }
    }

    private ApiDocument(JsonNode root) {
        this.root = root;
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Op(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }));
        operations.sort(Comparator.comparing(Op::path).thenComparing(Op::method));
    }

    static ApiDocument load() {
        String body = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            return new ApiDocument(JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with its $ref followed (siblings of the $ref, such as a description, are kept). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = current.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("$ref") && !field.getKey().equals("type")) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
            current = merged;
        }
        return current;
    }

    /** The first example of a media type's content, or null. */
    static JsonNode example(JsonNode content) {
        if (content.has("example")) {
            return content.get("example");
        }
        JsonNode examples = content.path("examples");
        Iterator<JsonNode> values = examples.elements();
        return values.hasNext() ? values.next().get("value") : null;
    }
}
