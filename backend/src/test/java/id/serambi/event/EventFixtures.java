package id.serambi.event;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Events made through the real API, each in a time slot of its own so tests never see each other's events. */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** A day far in the future that no other test uses; events of one test sit in the days after it. */
    public static Instant uniqueDay() {
        long days = ThreadLocalRandom.current().nextLong(365L * 50, 365L * 2000);
        return Instant.parse("2030-01-01T00:00:00Z").plus(days, ChronoUnit.DAYS);
    }

    public static String joinUrl() {
        return "https://zoom.us/j/" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A valid request body starting at {@code start}; tests override fields as they need. */
    public static Map<String, Object> body(Instant start) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Diskusi Buku: Laskar Pelangi " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "Membahas novel karya Andrea Hirata bersama komunitas pembaca Banjarbaru.");
        body.put("type", "BOOK_DISCUSSION");
        body.put("audience", "ALL");
        body.put("language", "id");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(90)).toString());
        body.put("platform", "ZOOM");
        body.put("joinUrl", joinUrl());
        body.put("capacity", 50);
        return body;
    }

    public static long create(String staff, Map<String, Object> body) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/events").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static void publish(String staff, long id) {
        given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then().statusCode(200);
    }

    /**
     * Registers a patron (202 expected); returns the registration as its manage link shows it, with
     * {@code manageToken} (read from the confirmation e-mail) and {@code eventId}.
     */
    public static io.restassured.path.json.JsonPath register(long eventId, String name, String email) {
        return id.serambi.support.ManageLinks.register(eventId, Map.of("name", name, "email", email));
    }

    /** The manage link in the newest e-mail to this address. */
    public static String tokenFromMail(io.quarkus.mailer.MockMailbox mailbox, String email) {
        return id.serambi.support.ManageLinks.fromMail(email);
    }

    public static long published(String staff, Map<String, Object> body) {
        long id = create(staff, body);
        publish(staff, id);
        return id;
    }

    /** The event's current ETag, from the staff GET the event form loads: what an edit sends as If-Match. */
    public static String etag(String staff, long id) {
        String etag = given().auth().oauth2(staff).get("/api/events/manage/" + id).then().statusCode(200)
                .extract().header("ETag");
        if (etag == null) {
            throw new AssertionError("no ETag on event " + id);
        }
        return etag;
    }
}
