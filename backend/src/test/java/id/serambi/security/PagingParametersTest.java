package id.serambi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 10: GET /api/events?page=21474837&size=100 answered 500 (page × size overflowed), and page=abc,
 * size=abc or limit=abc answered 404 "No resource". Every list in the OpenAPI document with a page, size or limit
 * parameter must answer a 400 problem naming the parameter.
 */
@QuarkusTest
class PagingParametersTest {

    @Inject
    AgroalDataSource db;

    @Test
    void everyPagedListRefusesABadOrTooDeepPageWithA400NamingTheParameter() throws Exception {
        // The values of required query parameters, for World's objects: the text question of its survey.
        Map<String, String> requiredValues = Map.of("question", "alasan");
        World world = World.seed(db);
        List<String> failures = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (ApiDocument.Op op : ApiDocument.load().operations) {
            if (!op.method().equals("GET")) {
                continue;
            }
            Set<String> names = new TreeSet<>();
            StringBuilder required = new StringBuilder();
            List<String> missing = new ArrayList<>();
            for (JsonNode param : op.parameters("query")) {
                names.add(param.path("name").asText());
                if (param.path("required").asBoolean()) {
                    String value = requiredValues.get(param.path("name").asText());
                    if (value == null) {
                        missing.add(op.name() + ": no value for its required query parameter " + param.path("name").asText());
                    } else {
                        required.append('&').append(param.path("name").asText()).append('=').append(value);
                    }
                }
            }
            Map<String, String> cases = new LinkedHashMap<>();
            for (String name : List.of("page", "size", "limit")) {
                if (names.contains(name)) {
                    cases.put(name + "=abc", name);
                    cases.put(name + "=99999999999", name);
                    cases.put(name + "=1.5", name);
                }
            }
            if (names.contains("page") && names.contains("size")) {
                cases.put("page=21474837&size=100", "page");
                cases.put("size=100&page=10001", "page");
            }
            if (cases.isEmpty()) {
                continue;
            }
            failures.addAll(missing);
            checked.add(op.name());
            String bearer = bearerFor(world, op);
            for (var c : cases.entrySet()) {
                String target = world.realPath(op.path()) + "?" + c.getKey() + required;
                Probe.Answer answer = Probe.send("GET", target, bearer, null, null, Map.of("Accept", accept(op)),
                        op.isStream() ? 1500 : 0);
                JsonNode body = answer.isProblem() ? ApiDocument.JSON.readTree(answer.body()) : null;
                if (answer.status() != 400 || body == null
                        || !c.getValue().equals(body.path("errors").path(0).path("field").asText())) {
                    failures.add(op.name() + " ?" + c.getKey() + " -> " + answer.status() + " " + answer.shortBody());
                }
            }
            // A sane page still works.
            String target = world.realPath(op.path()) + (names.contains("page") ? "?page=10000&size=100" : "?limit=100")
                    + required;
            Probe.Answer ok = Probe.send("GET", target, bearer, null, null, Map.of("Accept", accept(op)),
                    op.isStream() ? 1500 : 0);
            if (ok.status() != 200) {
                failures.add(op.name() + " " + target + " -> " + ok.status() + " " + ok.shortBody());
            }
        }
        assertTrue(checked.containsAll(Set.of("GET /api/events", "GET /api/posts", "GET /api/users",
                "GET /api/events/{id}/registrations", "GET /api/challenges/{id}/leaderboard")), "checked only " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void otherTypedQueryParametersAre400AndAPathThatNamesNothingStays404() throws Exception {
        World world = World.seed(db);
        Probe.Answer status = Probe.send("GET", "/api/challenges/" + world.challengeId + "/logs?status=LOST",
                world.token("STAFF"), null, null, Map.of("Accept", "application/json"), 0);
        assertEquals(400, status.status(), status.body());
        JsonNode problem = ApiDocument.JSON.readTree(status.body());
        assertEquals("status", problem.path("errors").path(0).path("field").asText());
        assertTrue(problem.path("errors").path(0).path("message").asText().contains("FLAGGED"), status.body());

        Probe.Answer path = Probe.send("GET", "/api/events/abc", null, null, null, Map.of("Accept", "application/json"), 0);
        assertEquals(404, path.status(), path.body());
        assertTrue(path.isProblem());
    }

    private static String accept(ApiDocument.Op op) {
        return op.isStream() ? "text/event-stream, application/problem+json" : "application/json";
    }

    private static String bearerFor(World world, ApiDocument.Op op) {
        Set<String> roles = op.roles();
        if (roles == null) {
            return null;
        }
        if (roles.isEmpty() || roles.contains("MEMBER")) {
            return world.token("MEMBER_A");
        }
        return world.token(roles.contains("ADMIN") ? "ADMIN" : roles.iterator().next());
    }
}
