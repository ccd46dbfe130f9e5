package id.serambi.event.series;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.DemoEvents;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Wita;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Monthly series, moving registrants to a rescheduled event, and the demo events. */
@QuarkusTest
class EventSeriesTest {


    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    DemoEvents demo;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    @Test
    void aSeriesHasMonthlyOccurrencesAtTheSameLocalTime() {
        // 31 January, 19:00 WITA: February's occurrence falls on its last day.
        Instant first = ZonedDateTime.of(2090 + (int) (Math.random() * 500), 1, 31, 19, 0, 0, 0, Wita.ZONE).toInstant();
        Map<String, Object> body = EventFixtures.body(first);
        body.put("title", "Klub Buku Remaja (uji)");
        body.put("type", "BOOK_CLUB");
        body.put("audience", "TEENS");
        var response = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("title", "Klub Buku Remaja (uji)", "first", body, "occurrences", 3, "publish", true))
                .post("/api/event-series").then().statusCode(201)
                .body("events", hasSize(3))
                .body("events.status", everyItem(equalTo("PUBLISHED")))
                .extract();
        long seriesId = response.jsonPath().getLong("id");
        assertTrue(response.header("Location").endsWith("/api/event-series/" + seriesId));
        List<String> starts = response.jsonPath().getList("events.startsAt");
        int year = first.atZone(Wita.ZONE).getYear();
        int lastOfFebruary = java.time.YearMonth.of(year, 2).lengthOfMonth();
        assertEquals(List.of(first, ZonedDateTime.of(year, 2, lastOfFebruary, 19, 0, 0, 0, Wita.ZONE).toInstant(),
                ZonedDateTime.of(first.atZone(Wita.ZONE).getYear(), 3, 31, 19, 0, 0, 0, Wita.ZONE).toInstant()),
                starts.stream().map(Instant::parse).toList());
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM event WHERE series_id = ? AND status = 'PUBLISHED'", seriesId));
        given().auth().oauth2(staff).get("/api/event-series/" + seriesId).then().statusCode(200)
                .body("events", hasSize(3)).body("title", equalTo("Klub Buku Remaja (uji)"));
        given().get("/api/events/" + response.jsonPath().getLong("events[1].id")).then().statusCode(200)
                .body("seriesId", equalTo((int) seriesId));

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("title", "Terlalu banyak", "first", body, "occurrences", 25))
                .post("/api/event-series").then(), 400, "validation").body("errors[0].field", equalTo("occurrences"));
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("title", "Tanpa izin", "first", body, "occurrences", 2))
                .post("/api/event-series").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).contentType(ContentType.JSON)
                .body(Map.of("title", "Tanpa izin", "first", body, "occurrences", 2))
                .post("/api/event-series").then(), 403, "forbidden");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event_series WHERE title IN ('Terlalu banyak', 'Tanpa izin')"));
    }

    @Test
    void registrantsMoveToARescheduledEventInOrder() {
        Instant day = EventFixtures.uniqueDay();
        Map<String, Object> sourceBody = EventFixtures.body(day);
        sourceBody.put("capacity", 2);
        long source = EventFixtures.published(staff, sourceBody);
        Map<String, Object> targetBody = EventFixtures.body(day.plus(java.time.Duration.ofDays(7)));
        targetBody.put("capacity", 2);
        long target = EventFixtures.published(staff, targetBody);

        String a = Accounts.uniqueEmail("pindah-a");
        String b = Accounts.uniqueEmail("pindah-b");
        String c = Accounts.uniqueEmail("pindah-c");
        EventFixtures.register(source, "Ani", a);
        EventFixtures.register(source, "Bima", b);
        EventFixtures.register(source, "Cahya", c);
        EventFixtures.register(target, "Xavier", Accounts.uniqueEmail("sudah"));
        EventFixtures.register(target, "Bima", b.toUpperCase());

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("targetEventId", target))
                .post("/api/events/" + source + "/registrations/move").then().statusCode(200)
                .body("moved", equalTo(2)).body("confirmed", equalTo(0)).body("waitlisted", equalTo(2))
                .body("alreadyRegistered", equalTo(1));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'CANCELLED' AND confirmed_count = 0", source));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status <> 'CANCELLED'", source));
        assertEquals(2, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", target));
        // Ani held a seat before Cahya, so she is first in line in the new event.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration a JOIN registration c ON a.event_id = c.event_id"
                + " WHERE a.event_id = ? AND a.email = ? AND c.email = ? AND a.status = 'WAITLISTED' AND c.status = 'WAITLISTED'"
                + " AND a.id < c.id", target, a, c));
        assertTrue(mailbox.getMailsSentTo(a).stream().anyMatch(m -> m.getSubject().startsWith("Acara dipindahkan")));
        String newToken = EventFixtures.tokenFromMail(mailbox, a);
        given().get("/api/registrations/" + newToken).then().statusCode(200)
                .body("event.id", equalTo((int) target)).body("waitlistPosition", equalTo(1));

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("targetEventId", source))
                .post("/api/events/" + target + "/registrations/move").then(), 409, "event-cancelled");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("targetEventId", target))
                .post("/api/events/" + target + "/registrations/move").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of())
                .post("/api/events/" + target + "/registrations/move").then(), 400, "validation");
    }

    @Test
    void demoEventsAreCreatedOnce() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> demo.ensure());
        VertxContextSupport.subscribeAndAwait(() -> demo.ensure());
        for (String title : List.of("Diskusi Buku: Laskar Pelangi", "Seminar Literasi Digital: Mengenali Hoaks",
                "Tanya Jawab Langsung bersama Pustakawan", "Lokakarya Menulis Cerita Anak")) {
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE title = ?", title), title);
        }
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE title = 'Tanya Jawab Langsung bersama Pustakawan'"
                + " AND platform = 'FACEBOOK_LIVE' AND status = 'PUBLISHED' AND capacity IS NULL"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event_series WHERE title = 'Klub Buku Remaja'"));
        assertEquals(6, Accounts.count(db, "SELECT count(*) FROM event e JOIN event_series s ON s.id = e.series_id"
                + " WHERE s.title = 'Klub Buku Remaja' AND e.audience = 'TEENS' AND e.status = 'PUBLISHED'"));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id"
                + " WHERE e.title = 'Diskusi Buku: Laskar Pelangi' AND r.email LIKE '%@demo.serambi.id'"));
        JsonPath page = given().queryParam("language", "id").queryParam("size", 100).get("/api/events").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(page.getList("items.title").contains("Seminar Literasi Digital: Mengenali Hoaks"));
    }
}
