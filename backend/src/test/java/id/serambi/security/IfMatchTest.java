package id.serambi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every update of a shared thing (one that several staff edit: events, challenges, campaigns, posts) takes
 * If-Match, so that a stale edit is refused rather than silently overwriting someone else's. The operations come from
 * the OpenAPI document: a new PUT or PATCH on a shared thing is checked the day it is added.
 */
@QuarkusTest
class IfMatchTest {

    /** The shared things: the collections whose items several staff edit. */
    private static final Set<String> SHARED = Set.of("/api/events/{id}", "/api/challenges/{id}", "/api/campaigns/{id}",
            "/api/posts/{id}", "/api/partners/{id}");

    @Test
    void everyUpdateOfASharedThingTakesIfMatchAndDocumentsItsRefusals() {
        ApiDocument api = ApiDocument.load();
        Set<String> checked = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (ApiDocument.Op op : api.operations) {
            if (!(op.method().equals("PUT") || op.method().equals("PATCH")) || !SHARED.contains(op.path())) {
                continue;
            }
            checked.add(op.name());
            boolean ifMatch = op.parameters("header").stream().anyMatch(p -> p.path("name").asText().equalsIgnoreCase("If-Match")
                    && p.path("required").asBoolean());
            if (!ifMatch) {
                missing.add(op.name() + ": no required If-Match header");
            }
            for (String status : List.of("412", "428")) {
                if (!op.node().path("responses").has(status)) {
                    missing.add(op.name() + ": " + status + " not documented");
                }
            }
        }
        assertEquals(Set.of("PATCH /api/events/{id}", "PUT /api/events/{id}", "PUT /api/challenges/{id}",
                "PUT /api/campaigns/{id}", "PUT /api/posts/{id}", "PUT /api/partners/{id}"), checked, "the updates of shared things");
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }
}
