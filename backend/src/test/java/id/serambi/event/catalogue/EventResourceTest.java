package id.serambi.event.catalogue;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import id.serambi.common.JsonTimestamps;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff's side of events: create, edit, publish, cancel, and who may do it. */
@QuarkusTest
class EventResourceTest {

    @Inject
    AgroalDataSource db;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    @Test
    void staffCreateADraftWithLocation() {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("registrationClosesAt", Instant.parse((String) body.get("startsAt")).minusSeconds(3600).toString());
        var response = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/events").then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("title", equalTo(body.get("title")))
                .body("joinUrl", equalTo(body.get("joinUrl")))
                .body("capacity", equalTo(50))
                .body("confirmedCount", equalTo(0))
                .body("seatsLeft", equalTo(50))
                // the API writes every timestamp in one format: UTC, milliseconds
                .body("startsAt", equalTo(JsonTimestamps.format(Instant.parse((String) body.get("startsAt")))))
                .extract();
        long id = response.jsonPath().getLong("id");
        assertEquals(true, response.header("Location").endsWith("/api/events/" + id), response.header("Location"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'DRAFT' AND title = ?"
                + " AND join_url = ? AND capacity = 50 AND registration_closes_at IS NOT NULL", id, body.get("title"),
                body.get("joinUrl")));

        String admin = Accounts.tokenFor(db, "ADMIN");
        body.put("capacity", null);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/events").then().statusCode(201)
                .body("capacity", nullValue())
                .body("seatsLeft", nullValue());
    }

    @Test
    void anonymousCallersGet401AndMembers403AndNothingIsWritten() {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        long id = EventFixtures.create(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        String member = Accounts.tokenFor(db, "MEMBER");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");

        assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/events").then(), 401, "unauthenticated");
        assertProblem(given().get("/api/events/manage").then(), 401, "unauthenticated");
        assertProblem(given().get("/api/events/manage/" + id).then(), 401, "unauthenticated");
        assertProblem(given().post("/api/events/" + id + "/publish").then(), 401, "unauthenticated");
        assertProblem(given().post("/api/events/" + id + "/cancel").then(), 401, "unauthenticated");
        for (String token : new String[] { member, reviewer }) {
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/events").then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .put("/api/events/" + id).then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("capacity", 3))
                    .patch("/api/events/" + id).then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).get("/api/events/manage").then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).post("/api/events/" + id + "/publish").then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).post("/api/events/" + id + "/cancel").then(), 403, "forbidden");
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event WHERE title = ?", body.get("title")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'DRAFT' AND capacity = 50", id));
    }

    @Test
    void invalidEventsAre400ProblemsListingEveryFieldAndWriteNothing() {
        Instant start = EventFixtures.uniqueDay();
        Map<String, Object> body = EventFixtures.body(start);
        body.put("endsAt", start.minusSeconds(60).toString());
        body.put("joinUrl", "javascript:alert(1)");
        body.put("registrationOpensAt", start.toString()); // not before the end
        body.put("registrationClosesAt", start.minusSeconds(7200).toString()); // before it opens
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/events").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("endsAt", "joinUrl", "registrationClosesAt",
                        "registrationOpensAt"));

        Map<String, Object> bean = EventFixtures.body(start);
        bean.put("capacity", 0);
        bean.put("title", " ");
        bean.put("type", null);
        bean.put("language", "Bahasa Indonesia!");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(bean)
                .post("/api/events").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("capacity", "title", "type", "language"));

        Map<String, Object> ftp = EventFixtures.body(start);
        ftp.put("joinUrl", "ftp://files.example.id/rapat");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(ftp)
                .post("/api/events").then(), 400, "validation")
                .body("errors[0].field", equalTo("joinUrl"));

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("title", "X", "type", "KONSER")).post("/api/events").then(), 400, "validation")
                .body("errors[0].field", equalTo("type"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"title\":")
                .post("/api/events").then(), 400, "malformed-json");

        Map<String, Object> farFuture = EventFixtures.body(start);
        farFuture.put("startsAt", "+300000-01-01T00:00:00Z");
        farFuture.put("endsAt", "+300000-01-01T01:00:00Z");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(farFuture)
                .post("/api/events").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("startsAt", "endsAt"));
        assertProblem(given().queryParam("from", "+300000-01-01T00:00:00Z").get("/api/events").then(), 400, "validation");

        for (Map<String, Object> b : new Map[] { body, bean, ftp, farFuture }) {
            assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event WHERE title = ?", b.get("title")));
        }
    }

    @Test
    void putReplacesAndPatchChangesOnlyWhatItNames() {
        Instant start = EventFixtures.uniqueDay();
        Map<String, Object> body = EventFixtures.body(start);
        long id = EventFixtures.create(staff, body);

        body.put("title", "Seminar Literasi Digital (uji)");
        body.put("type", "SEMINAR");
        body.put("registrationClosesAt", start.minusSeconds(600).toString());
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body(body)
                .put("/api/events/" + id).then().statusCode(200)
                .body("title", equalTo("Seminar Literasi Digital (uji)"))
                .body("type", equalTo("SEMINAR"));

        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType("application/merge-patch+json")
                .body("{\"capacity\":80,\"registrationClosesAt\":null}")
                .patch("/api/events/" + id).then().statusCode(200)
                .body("capacity", equalTo(80))
                .body("registrationClosesAt", nullValue())
                .body("title", equalTo("Seminar Literasi Digital (uji)"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND capacity = 80 AND type = 'SEMINAR'"
                + " AND registration_closes_at IS NULL AND title = 'Seminar Literasi Digital (uji)'", id));

        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body("{\"kapasitas\":3}")
                .patch("/api/events/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("kapasitas"));
        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body("{\"capacity\":\"banyak\"}")
                .patch("/api/events/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("capacity"));
        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body("{\"title\":null}")
                .patch("/api/events/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("title"));
        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON)
                .body(Map.of("endsAt", start.minusSeconds(1).toString()))
                .patch("/api/events/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("endsAt"));
        assertProblem(given().auth().oauth2(staff).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .put("/api/events/999999999").then(), 404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND capacity = 80", id));
    }

    @Test
    void anEditNeedsTheVersionItWasMadeOn() {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        long id = EventFixtures.create(staff, body);
        String etag = EventFixtures.etag(staff, id);
        int version = Integer.parseInt(etag.replace("\"", ""));
        given().auth().oauth2(staff).get("/api/events/manage/" + id).then().statusCode(200)
                .body("version", equalTo(version));

        // No If-Match: 428, for PUT and PATCH alike, and nothing is written.
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("capacity", 7))
                .patch("/api/events/" + id).then(), 428, "version-required");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .put("/api/events/" + id).then(), 428, "version-required");
        assertProblem(given().auth().oauth2(staff).header("If-Match", "drei").contentType(ContentType.JSON)
                .body(Map.of("capacity", 7)).patch("/api/events/" + id).then(), 400, "bad-if-match");

        // The right version: 200, the version moves on by one, and the new ETag says so.
        given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("capacity", 7)).patch("/api/events/" + id).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .body("version", equalTo(version + 1)).body("capacity", equalTo(7));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND version = ? AND capacity = 7",
                id, version + 1));

        // The old version again: someone saved first. 409 with the current ETag, and nothing is written.
        assertProblem(given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("capacity", 9)).patch("/api/events/" + id).then(), 412, "stale-version")
                .header("ETag", "\"" + (version + 1) + "\"");
        body.put("title", "Judul yang tidak tersimpan");
        assertProblem(given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body).put("/api/events/" + id).then(), 412, "stale-version")
                .header("ETag", "\"" + (version + 1) + "\"");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND version = ? AND capacity = 7"
                + " AND title <> 'Judul yang tidak tersimpan'", id, version + 1));

        // PUT with the current version succeeds and answers the next one.
        given().auth().oauth2(staff).header("If-Match", "\"" + (version + 1) + "\"").contentType(ContentType.JSON)
                .body(body).put("/api/events/" + id).then().statusCode(200)
                .header("ETag", "\"" + (version + 2) + "\"")
                .body("title", equalTo("Judul yang tidak tersimpan"));
    }

    @Test
    void theCapacityCannotDropBelowTheConfirmedRegistrations() {
        long id = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Peserta " + i, "email", Accounts.uniqueEmail("kursi")))
                    .post("/api/events/" + id + "/registrations").then().statusCode(202);
        }
        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body(Map.of("capacity", 2))
                .patch("/api/events/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("capacity"))
                .body("errors[0].message", equalTo("must be at least 3, the number of confirmed registrations"));
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body(Map.of("capacity", 3))
                .patch("/api/events/" + id).then().statusCode(200)
                .body("seatsLeft", equalTo(0));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND capacity = 3 AND confirmed_count = 3", id));
    }

    @Test
    void publishAndCancelFollowTheLifecycle() {
        long id = EventFixtures.create(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        assertProblem(given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then(), 409, "event-not-draft");
        given().auth().oauth2(staff).post("/api/events/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertProblem(given().auth().oauth2(staff).post("/api/events/" + id + "/cancel").then(), 409, "event-closed");
        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body(Map.of("capacity", 5))
                .patch("/api/events/" + id).then(), 409, "event-closed");
        assertProblem(given().auth().oauth2(staff).post("/api/events/999999999/publish").then(), 404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'CANCELLED'"
                + " AND published_at IS NOT NULL AND cancelled_at IS NOT NULL AND capacity = 50", id));

        Instant past = Instant.now().minusSeconds(86400 * 3);
        long old = EventFixtures.create(staff, EventFixtures.body(past));
        assertProblem(given().auth().oauth2(staff).post("/api/events/" + old + "/publish").then(), 409, "event-over");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'DRAFT'", old));
    }

    @Test
    void aStartThatHasPassedIsNeverPublished() {
        // A draft whose start has passed (it is still running) stays a draft, and the problem names startsAt.
        Map<String, Object> started = EventFixtures.body(Instant.now().minusSeconds(600));
        started.put("endsAt", Instant.now().plusSeconds(7200).toString());
        long draft = EventFixtures.create(staff, started);
        assertProblem(given().auth().oauth2(staff).post("/api/events/" + draft + "/publish").then(), 409, "event-started")
                .body("errors[0].field", equalTo("startsAt"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'DRAFT' AND published_at IS NULL", draft));

        // A published event cannot be moved to a start that has passed ...
        Instant start = EventFixtures.uniqueDay();
        long published = EventFixtures.published(staff, EventFixtures.body(start));
        assertProblem(given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, published))
                .contentType(ContentType.JSON).body(Map.of("startsAt", Instant.now().minusSeconds(3600).toString()))
                .patch("/api/events/" + published).then(), 400, "validation")
                .body("errors[0].field", equalTo("startsAt"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND starts_at = ?::timestamptz", published,
                start.toString()));
        // ... but one already running keeps its start through other edits.
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '1 hour' WHERE id = ?", published);
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, published))
                .contentType(ContentType.JSON).body(Map.of("capacity", 60))
                .patch("/api/events/" + published).then().statusCode(200).body("capacity", equalTo(60));
    }

    @Test
    void staffListEveryStatusWithJoinUrls() {
        Instant day = EventFixtures.uniqueDay();
        Map<String, Object> draft = EventFixtures.body(day);
        long draftId = EventFixtures.create(staff, draft);
        long publishedId = EventFixtures.published(staff, EventFixtures.body(day.plusSeconds(3600)));
        given().auth().oauth2(staff).queryParam("from", day.toString()).queryParam("to", day.plusSeconds(86400).toString())
                .get("/api/events/manage").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", containsInAnyOrder((int) draftId, (int) publishedId))
                .body("items[0].joinUrl", equalTo(draft.get("joinUrl")));
        given().auth().oauth2(staff).queryParam("status", "DRAFT").queryParam("from", day.toString())
                .queryParam("to", day.plusSeconds(86400).toString())
                .get("/api/events/manage").then().statusCode(200)
                .body("total", equalTo(1));
        assertProblem(given().auth().oauth2(staff).queryParam("status", "SELESAI").get("/api/events/manage").then(),
                400, "validation");
        given().auth().oauth2(staff).get("/api/events/manage/" + draftId).then().statusCode(200)
                .body("joinUrl", endsWith(((String) draft.get("joinUrl")).substring(20)));
    }

    @Test
    void theOpenApiDocumentDescribesTheEventEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/events"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/events/{id}/registrations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/registrations/{token}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/calendar.ics"))
                .body("paths.'/api/events'.post.responses", org.hamcrest.Matchers.hasKey("201"))
                .body("paths.'/api/events'.post.responses", org.hamcrest.Matchers.hasKey("403"))
                .body("paths.'/api/events/{id}/registrations'.post.responses", org.hamcrest.Matchers.hasKey("409"))
                .body("paths.'/api/events/{id}/registrations'.post.security", org.hamcrest.Matchers.empty())
                .body("paths.'/api/events/{id}/registrations'.get.responses.'200'.content",
                        org.hamcrest.Matchers.hasKey("text/csv"))
                .body("components.schemas.Event.properties", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("joinUrl")));
    }
}
