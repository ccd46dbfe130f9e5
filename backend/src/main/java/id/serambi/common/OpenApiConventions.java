package id.serambi.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The rules every operation of the API follows, written into the OpenAPI document once instead of on each resource
 * method, so that the document cannot forget them:
 * <ul>
 * <li>the {@code info} section (contact, SPDX license, the conventions below) and one relative server;</li>
 * <li>every error response is problem+json, including those SmallRye adds for secured operations;</li>
 * <li>the errors any operation of its kind can give: 400 (a parameter or body that does not convert), 404 (an id in
 * the path that names nothing), 403 (a browser request from an origin CORS does not allow), 406 (an {@code Accept}
 * it cannot produce), 413 and 415 (a body too large or of another media type) and 503 (the database is
 * unreachable, with {@code Retry-After});</li>
 * <li>headers typed: {@code Location} on every 201, {@code ETag} and {@code Retry-After} wherever they are named;</li>
 * <li>every property of an object that only appears in responses is {@code required}: responses always carry every
 * property, and one that may have no value is declared nullable and sent as {@code null}.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    static final String DESCRIPTION = """
            REST API of Serambi, the community-engagement platform for public libraries: virtual events, reading \
            challenges, campaigns and their publishing. The Serambi web app uses exactly this API.

            Conventions (API.md in the repository says more, with examples):
            - **Authentication:** `Authorization: Bearer <token>` from `POST /api/auth/login`. Public operations \
            need none; a patron's registration is reached through its manage token instead.
            - **Responses** always carry every property of their schema. A property that may have no value is \
            declared nullable (`type: [T, "null"]`) and is sent as `null`, never left out. Request bodies may \
            leave optional properties out; an unknown property is a 400.
            - **Timestamps** are RFC 3339 `date-time` values in UTC with millisecond precision \
            (`2026-12-05T03:00:00.000Z`). Dates without a time are `YYYY-MM-DD` in the library's time zone.
            - **Paging:** list operations take `page` (from 0) and `size` (1 to 100) and answer \
            `{items, page, size, total}`.
            - **Errors** are RFC 9457 `application/problem+json`; a validation problem lists its field errors. A \
            path or query parameter of the wrong type is a 400 that names it.
            - **Concurrency:** resources that can be edited carry an `ETag`; a `PUT` or `PATCH` needs it in \
            `If-Match` (428 without it, 412 when it is stale).
            - **Rate limits** answer 429 with `Retry-After` in seconds; an unreachable database answers 503 with \
            `Retry-After`.
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        info(openAPI);
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("This Serambi instance (the API shares the web app's origin)"))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                commonErrors(path.getKey(), path.getValue(), operation);
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (isError(code) && isEmpty(response.getContent())) {
                        addProblemContent(response);
                    }
                    headers(code, response);
                });
            }
        }
        requiredResponseProperties(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiConventions::nullableReferences);
        }
    }

    /**
     * SmallRye writes a nullable reference as {@code anyOf: [{$ref}, {type: null}]} but keeps the referenced type
     * beside it ({@code type: object}, or {@code [string, null]}), which under JSON Schema rejects null again and
     * hides an enum from generated clients: the {@code anyOf} alone says it all.
     */
    private static void nullableReferences(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(OpenApiConventions::isNullType)
                && schema.getAnyOf().stream().anyMatch(option -> option.getRef() != null)) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConventions::nullableReferences);
        }
        nullableReferences(schema.getItems());
    }

    private static boolean isNullType(Schema schema) {
        return schema.getRef() == null && schema.getType() != null && schema.getType().size() == 1
                && schema.getType().get(0) == Schema.SchemaType.NULL;
    }

    private static void info(OpenAPI openAPI) {
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        openAPI.getInfo().description(DESCRIPTION)
                .contact(OASFactory.createContact().name("Serambi").url("https://serambi.id")
                        .email("tim@serambi.id"))
                .license(OASFactory.createLicense().name("Apache License 2.0").identifier("Apache-2.0"));
    }

    /** The errors that every operation of its shape can answer, added where the resource did not say them. */
    private static void commonErrors(String path, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean hasParameters = has(operation.getParameters()) || has(item.getParameters());
        if (hasParameters || operation.getRequestBody() != null) {
            addIfMissing(responses, "400", "A parameter or the body is invalid: the problem names it");
        }
        if (path.contains("{")) {
            addIfMissing(responses, "404", "Nothing has the id or token in the path");
        }
        boolean producesContent = responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && !isEmpty(e.getValue().getContent()));
        if (producesContent) {
            addIfMissing(responses, "406", "The Accept header names no media type this operation produces");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "413", "The body is larger than the server accepts");
            addIfMissing(responses, "415", "The body's Content-Type is not one this operation accepts");
        }
        addIfMissing(responses, "403", "A browser request from an origin that may not call the API (CORS; then the body is empty)");
        addIfMissing(responses, "503", "The database cannot be reached right now: try again after Retry-After");
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            addProblemContent(response);
            responses.addAPIResponse(code, response);
        }
    }

    private static void headers(String code, APIResponse response) {
        if ("201".equals(code)) {
            addHeaderIfMissing(response, "Location", "Where the created resource can be read",
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"), true);
        }
        if ("429".equals(code) || "503".equals(code)) {
            addHeaderIfMissing(response, "Retry-After", "Seconds to wait before trying again",
                    OASFactory.createSchema().addType(Schema.SchemaType.INTEGER), "429".equals(code));
        }
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().forEach((name, header) -> {
            if (header.getSchema() == null && isEmpty(header.getContent())) {
                header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            }
            if ("ETag".equalsIgnoreCase(name) && header.getDescription() == null) {
                header.setDescription("The version of the resource, to send back in If-Match");
            }
        });
    }

    private static void addHeaderIfMissing(APIResponse response, String name, String description, Schema schema,
            boolean required) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description).schema(schema);
        if (required) {
            header.required(true);
        }
        response.addHeader(name, header);
    }

    /**
     * Object schemas reachable only from responses get every property as required (responses are serialized with
     * nulls included). Schemas also used in request bodies or parameters keep what their annotations declare.
     */
    private static void requiredResponseProperties(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> fromResponses = new HashSet<>();
        Set<String> fromRequests = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values()
                            .forEach(r -> reach(r.getContent(), schemas, fromResponses));
                }
                if (operation.getRequestBody() != null) {
                    reach(operation.getRequestBody().getContent(), schemas, fromRequests);
                }
                for (List<Parameter> parameters : new ArrayList<>(
                        java.util.Arrays.asList(operation.getParameters(), item.getParameters()))) {
                    if (parameters != null) {
                        parameters.forEach(p -> reach(p.getSchema(), schemas, fromRequests));
                    }
                }
            }
        }
        for (String name : fromResponses) {
            Schema schema = schemas.get(name);
            if (!fromRequests.contains(name) && schema != null && schema.getProperties() != null
                    && !schema.getProperties().isEmpty() && !"Problem".equals(name)) {
                schema.setRequired(new ArrayList<>(new LinkedHashMap<>(schema.getProperties()).keySet()));
            }
        }
    }

    private static void reach(Content content, Map<String, Schema> schemas, Set<String> seen) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType mediaType : content.getMediaTypes().values()) {
                reach(mediaType.getSchema(), schemas, seen);
            }
        }
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (seen.add(name)) {
                reach(schemas.get(name), schemas, seen);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, schemas, seen));
        }
        reach(schema.getItems(), schemas, seen);
        reach(schema.getAdditionalPropertiesSchema(), schemas, seen);
        reach(schema.getNot(), schemas, seen);
        for (List<Schema> options : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (options != null) {
                options.forEach(o -> reach(o, schemas, seen));
            }
        }
    }

    private static boolean has(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }

    private static void addProblemContent(APIResponse response) {
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
