package id.serambi.event.series;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.common.ProblemException;
import id.serambi.event.EventFixtures;
import id.serambi.event.registration.RegistrationRequest;
import id.serambi.event.registration.RegistrationService;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A patron registers once for every open session of a series (LibCal style): all or nothing, seats per session. */
@QuarkusTest
class SeriesRegistrationTest {

    @Inject
    AgroalDataSource db;

    @Inject
    RegistrationService registrations;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    /** A published monthly series of {@code sessions} sessions with this capacity each; its session ids in date order. */
    private JsonPath series(int sessions, Integer capacity) {
        Map<String, Object> first = EventFixtures.body(EventFixtures.uniqueDay());
        first.put("title", "Klub Buku Remaja (uji seri)");
        first.put("type", "BOOK_CLUB");
        first.put("audience", "TEENS");
        first.put("capacity", capacity);
        return given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("title", "Klub Buku Remaja (uji seri)", "first", first, "occurrences", sessions, "publish", true))
                .post("/api/event-series").then().statusCode(201).extract().jsonPath();
    }

    private int register(long seriesId, String name, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "email", email))
                .post("/api/event-series/" + seriesId + "/registrations").statusCode();
    }

    @Test
    void onePatronRegistersForEverySessionWithOneMail() {
        JsonPath s = series(3, 1);
        long seriesId = s.getLong("id");
        List<Long> ids = s.getList("events.id", Long.class);
        // Someone already holds the only seat of the second session.
        EventFixtures.register(ids.get(1), "Bima", Accounts.uniqueEmail("seri-kursi"));
        String email = Accounts.uniqueEmail("seri");
        int mailsBefore = ManageLinks.mailCount(email);

        given().contentType(ContentType.JSON).body(Map.of("name", "Siti Rahmah", "email", email, "whatsapp", "0812-3456-7890"))
                .post("/api/event-series/" + seriesId + "/registrations").then().statusCode(202)
                .body("seriesId", equalTo((int) seriesId))
                .body("sessions", hasSize(3))
                .body("sessions.eventId", equalTo(ids.stream().map(Long::intValue).toList()))
                .body("emailSent", equalTo(true))
                .body(not(containsString("CONFIRMED"))).body(not(containsString("WAITLISTED")));

        for (int i = 0; i < 3; i++) {
            String status = i == 1 ? "WAITLISTED" : "CONFIRMED";
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND email = ? "
                    + "AND status = ? AND whatsapp = '+6281234567890'", ids.get(i), email, status), "session " + i);
            assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", ids.get(i)));
        }
        assertEquals(mailsBefore + 1, ManageLinks.mailCount(email), "one e-mail for the whole series");
        var mail = ManageLinks.mailbox().getMailsSentTo(email).get(mailsBefore);
        assertTrue(mail.getSubject().startsWith("Pendaftaran seri"), mail.getSubject());
        assertEquals(3, mail.getText().split("/acara/pendaftaran/", -1).length - 1, mail.getText());
        assertTrue(mail.getText().contains("daftar tunggu"), mail.getText());
        // Each session has its own manage link: the first one opens the first session.
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/acara/pendaftaran/([A-Za-z0-9_-]{43})")
                .matcher(mail.getText());
        assertTrue(link.find());
        given().get("/api/registrations/" + link.group(1)).then().statusCode(200)
                .body("event.id", equalTo(ids.get(0).intValue())).body("status", equalTo("CONFIRMED"));

        // Again: nothing new (one active registration per session and e-mail), the same answer, a new e-mail.
        assertEquals(202, register(seriesId, "Siti Rahmah", email.toUpperCase()));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                + "WHERE e.series_id = ? AND lower(r.email) = lower(?)", seriesId, email));
        assertEquals(mailsBefore + 2, ManageLinks.mailCount(email));

        // The public sessions, with dates, for the event page.
        given().get("/api/event-series/" + seriesId + "/sessions").then().statusCode(200)
                .body("title", equalTo("Klub Buku Remaja (uji seri)"))
                .body("sessions", hasSize(3)).body("openSessions", equalTo(3))
                .body("sessions[0].startsAt", equalTo(s.getString("events[0].startsAt")))
                .body(not(containsString("zoom.us")));
    }

    @Test
    void closedSessionsAreLeftOutAndNoOpenSessionIsAConflict() {
        JsonPath s = series(2, 10);
        long seriesId = s.getLong("id");
        List<Long> ids = s.getList("events.id", Long.class);
        given().auth().oauth2(staff).post("/api/events/" + ids.get(0) + "/cancel").then().statusCode(200);
        String email = Accounts.uniqueEmail("seri-sisa");
        given().contentType(ContentType.JSON).body(Map.of("name", "Rina", "email", email))
                .post("/api/event-series/" + seriesId + "/registrations").then().statusCode(202)
                .body("sessions", hasSize(1)).body("sessions[0].eventId", equalTo(ids.get(1).intValue()));
        given().auth().oauth2(staff).post("/api/events/" + ids.get(1) + "/cancel").then().statusCode(200);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("name", "Rina", "email", email))
                .post("/api/event-series/" + seriesId + "/registrations").then(), 409, "no-open-sessions");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("name", "Rina", "email", email))
                .post("/api/event-series/987654321/registrations").then(), 404, "not-found");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("name", "Rina", "email", "bukan-email"))
                .post("/api/event-series/" + seriesId + "/registrations").then(), 400, "validation");
        assertProblem(given().get("/api/event-series/987654321/sessions").then(), 404, "not-found");
    }

    @Test
    void aSessionThatRefusesWritesNothingForAny() {
        JsonPath s = series(3, 10);
        List<Long> ids = s.getList("events.id", Long.class);
        // The last session is cancelled after the patron chose the series: the whole registration rolls back.
        given().auth().oauth2(staff).post("/api/events/" + ids.get(2) + "/cancel").then().statusCode(200);
        String email = Accounts.uniqueEmail("seri-batal");
        ProblemException refused = assertThrows(ProblemException.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> registrations.registerForSessions("Klub Buku Remaja (uji seri)", ids,
                        new RegistrationRequest("Dewi", email, null, null))));
        assertEquals(409, refused.status());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE lower(email) = lower(?)", email));
        for (long id : ids) {
            assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        }
        assertEquals(0, ManageLinks.mailCount(email));
    }

    @Test
    void concurrentSeriesAndSingleRegistrationsNeverExceedAnySessionsCapacity() throws Exception {
        JsonPath s = series(3, 5);
        long seriesId = s.getLong("id");
        List<Long> ids = s.getList("events.id", Long.class);
        String twin = Accounts.uniqueEmail("seri-kembar");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String email = Accounts.uniqueEmail("seri-serbu" + i);
                calls.add(() -> register(seriesId, "Peserta", email));
            }
            for (int i = 0; i < 4; i++) {
                String variant = i % 2 == 0 ? twin : twin.toUpperCase();
                calls.add(() -> register(seriesId, "Kembar", variant));
            }
            for (int i = 0; i < 12; i++) {
                String email = Accounts.uniqueEmail("satu-sesi" + i);
                calls.add(() -> given().contentType(ContentType.JSON).body(Map.of("name", "Tunggal", "email", email))
                        .post("/api/events/" + ids.get(1) + "/registrations").statusCode());
            }
            java.util.Collections.shuffle(calls);
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, statuses.stream().filter(code -> code == 202).count(), statuses.toString());
        for (int i = 0; i < 3; i++) {
            long id = ids.get(i);
            long expected = 25 + (i == 1 ? 12 : 0);
            assertEquals(5, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id));
            assertEquals(5, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
            assertEquals(expected - 5, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", id));
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND lower(email) = lower(?)", id, twin));
        }
        // Every series patron is in every session: all or nothing.
        assertEquals(0, Accounts.count(db, """
                SELECT count(*) FROM (SELECT lower(r.email) FROM registration r JOIN event e ON e.id = r.event_id
                 WHERE e.series_id = ? AND r.name IN ('Peserta', 'Kembar') GROUP BY lower(r.email) HAVING count(*) <> 3) odd""",
                seriesId));
    }
}
