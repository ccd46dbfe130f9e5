package id.serambi.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The app's OpenAPI 3.1 document, rewritten in the OpenAPI 3.0 dialect that swagger-request-validator checks
 * (its JSON Schema engine is Draft 4, and it ignores 3.1 type arrays, so a nullable integer would accept a string).
 * Only the spelling changes, never what a schema allows:
 * <ul>
 * <li>{@code type: [T, "null"]} becomes {@code type: T, nullable: true};</li>
 * <li>{@code anyOf: [{$ref: R}, {type: "null"}]} becomes R's schema inlined with {@code nullable: true};</li>
 * <li>siblings of {@code $ref} (SmallRye repeats {@code type} and {@code examples} there) are dropped, as 3.0 does;</li>
 * <li>3.1's {@code examples} arrays and {@code const} are removed or spelled as 3.0 does;</li>
 * <li>3.1's {@code info.license.identifier} (SPDX) is dropped.</li>
 * </ul>
 */
public final class ValidatorDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidatorDocument() {
    }

    public static String from(String openApi31) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(openApi31);
            root.put("openapi", "3.0.3");
            root.remove("jsonSchemaDialect");
            root.remove("webhooks");
            if (root.path("info").path("license").isObject()) {
                ((ObjectNode) root.path("info").path("license")).remove("identifier"); // 3.1 only (SPDX)
            }
            JsonNode schemas = root.path("components").path("schemas");
            walk(root, schemas);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** Walks the document outside schemas, rewriting every schema found under a {@code schema(s)} key. */
    private static void walk(JsonNode node, JsonNode schemas) {
        if (node.isArray()) {
            node.forEach(item -> walk(item, schemas));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("schema".equals(field.getKey())) {
                    schema(field.getValue(), schemas);
                } else if ("schemas".equals(field.getKey())) {
                    field.getValue().forEach(schema -> schema(schema, schemas));
                } else {
                    walk(field.getValue(), schemas);
                }
            });
        }
    }

    /** Rewrites one schema, then the schemas inside it. */
    private static void schema(JsonNode node, JsonNode schemas) {
        if (!node.isObject()) {
            return;
        }
        ObjectNode schema = (ObjectNode) node;
        rewriteSchema(schema, schemas);
        schema.remove("examples");
        schema.path("properties").forEach(property -> schema(property, schemas));
        schema(schema.path("items"), schemas);
        schema(schema.path("additionalProperties"), schemas);
        schema(schema.path("not"), schemas);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(option -> schema(option, schemas));
        }
    }

    private static void rewriteSchema(ObjectNode schema, JsonNode schemas) {
        schema.remove("examples");
        if (schema.has("const")) {
            schema.set("enum", JSON.createArrayNode().add(schema.remove("const")));
        }
        boolean nullable = false;
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            nullable = types.remove("null");
            if (types.size() == 1) {
                schema.put("type", types.get(0));
            } else {
                schema.remove("type");
            }
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null && anyOf.isArray()) {
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode option : anyOf) {
                if ("null".equals(option.path("type").asText())) {
                    nullable = true;
                } else {
                    kept.add(option);
                }
            }
            if (kept.size() == 1 && kept.get(0).has("$ref")) {
                JsonNode target = resolve(kept.get(0).get("$ref").asText(), schemas);
                schema.remove("anyOf");
                schema.remove("type");
                target.fields().forEachRemaining(f -> {
                    if (!schema.has(f.getKey()) || "type".equals(f.getKey())) {
                        schema.set(f.getKey(), f.getValue().deepCopy());
                    }
                });
                if (target.has("type") && target.get("type").isArray()) {
                    rewriteSchema(schema, schemas);
                }
            } else {
                schema.set("anyOf", kept);
            }
        }
        if (schema.has("$ref")) {
            Iterator<String> names = schema.fieldNames();
            List<String> siblings = new ArrayList<>();
            names.forEachRemaining(n -> {
                if (!"$ref".equals(n)) {
                    siblings.add(n);
                }
            });
            siblings.forEach(schema::remove);
        }
        if (nullable) {
            schema.put("nullable", true);
        }
    }

    private static JsonNode resolve(String ref, JsonNode schemas) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix) || !schemas.has(ref.substring(prefix.length()))) {
            throw new IllegalStateException("Unresolvable schema reference " + ref);
        }
        return schemas.get(ref.substring(prefix.length()));
    }
}
