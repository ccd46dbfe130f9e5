package id.serambi.event.questions;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live Q&A: registrants ask and vote once, staff moderate, and changes stream to every instance via NOTIFY. */
@QuarkusTest
class LiveQuestionsTest {

    @Inject
    AgroalDataSource db;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    private long liveEvent() {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("type", "LIVE_QA");
        body.put("platform", "FACEBOOK_LIVE");
        body.put("capacity", null);
        return EventFixtures.published(staff, body);
    }

    private JsonPath ask(long id, String token, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("manageToken", token, "text", text, "displayName", "Nadia"))
                .post("/api/events/" + id + "/questions").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void registrantsAskAndStaffModerateAndAnswer() {
        long id = liveEvent();
        String token = EventFixtures.register(id, "Rahmat Hidayat", Accounts.uniqueEmail("tanya")).getString("manageToken");
        JsonPath q = ask(id, token, "Apakah ada koleksi e-book untuk pelajar SMA?");
        assertEquals("PENDING", q.getString("status"));
        long qid = q.getLong("id");
        given().get("/api/events/" + id + "/questions").then().statusCode(200).body("$", empty());

        given().auth().oauth2(staff).post("/api/events/" + id + "/questions/" + qid + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        String visible = given().get("/api/events/" + id + "/questions").then().statusCode(200)
                .body("text", contains("Apakah ada koleksi e-book untuk pelajar SMA?"))
                .body("displayName", contains("Nadia"))
                .extract().asString();
        assertFalse(visible.contains("Rahmat"), visible);
        assertFalse(visible.contains("@test.serambi.id"), visible);

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("answer", "Ada, lewat iPusnas."))
                .post("/api/events/" + id + "/questions/" + qid + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answer", equalTo("Ada, lewat iPusnas."));
        given().auth().oauth2(staff).post("/api/events/" + id + "/questions/" + qid + "/hide").then().statusCode(200)
                .body("status", equalTo("HIDDEN"));
        given().get("/api/events/" + id + "/questions").then().statusCode(200).body("$", empty());
        given().auth().oauth2(staff).get("/api/events/" + id + "/questions/manage").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("HIDDEN"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event_question WHERE id = ? AND status = 'HIDDEN'"
                + " AND answer = 'Ada, lewat iPusnas.'", qid));
    }

    @Test
    void onlyActiveRegistrantsOfTheEventMayAskAndBadInputWritesNothing() {
        long id = liveEvent();
        long other = liveEvent();
        String outsider = EventFixtures.register(other, "Orang Lain", Accounts.uniqueEmail("luar")).getString("manageToken");
        JsonPath gone = EventFixtures.register(id, "Sudah Batal", Accounts.uniqueEmail("batal"));
        given().delete("/api/registrations/" + gone.getString("manageToken")).then().statusCode(200);
        String token = EventFixtures.register(id, "Peserta", Accounts.uniqueEmail("peserta")).getString("manageToken");

        for (String bad : List.of(outsider, gone.getString("manageToken"), "A".repeat(43), "pendek")) {
            assertProblem(given().contentType(ContentType.JSON).body(Map.of("manageToken", bad, "text", "Halo?"))
                    .post("/api/events/" + id + "/questions").then(), 403, "forbidden");
        }
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("manageToken", token, "text", " "))
                .post("/api/events/" + id + "/questions").then(), 400, "validation");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("manageToken", token, "text", "x".repeat(501)))
                .post("/api/events/" + id + "/questions").then(), 400, "validation");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event_question WHERE event_id = ?", id));

        long qid = ask(id, token, "Boleh bertanya?").getLong("id");
        assertProblem(given().post("/api/events/" + id + "/questions/" + qid + "/approve").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER"))
                .post("/api/events/" + id + "/questions/" + qid + "/approve").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(staff).post("/api/events/" + other + "/questions/" + qid + "/approve").then(),
                404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event_question WHERE id = ? AND status = 'PENDING'", qid));
    }

    @Test
    void eachRegistrationUpvotesOnceEvenConcurrently() throws Exception {
        long id = liveEvent();
        String a = EventFixtures.register(id, "Ani", Accounts.uniqueEmail("suara-a")).getString("manageToken");
        String b = EventFixtures.register(id, "Budi", Accounts.uniqueEmail("suara-b")).getString("manageToken");
        long first = ask(id, a, "Pertanyaan pertama").getLong("id");
        long second = ask(id, b, "Pertanyaan kedua").getLong("id");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("manageToken", a))
                .post("/api/events/" + id + "/questions/" + second + "/upvote").then(), 404, "not-found");
        for (long qid : new long[] { first, second }) {
            given().auth().oauth2(staff).post("/api/events/" + id + "/questions/" + qid + "/approve").then().statusCode(200);
        }

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> votes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                votes.add(() -> given().contentType(ContentType.JSON).body(Map.of("manageToken", a))
                        .post("/api/events/" + id + "/questions/" + second + "/upvote").statusCode());
            }
            for (var f : pool.invokeAll(votes)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        given().contentType(ContentType.JSON).body(Map.of("manageToken", b))
                .post("/api/events/" + id + "/questions/" + second + "/upvote").then().statusCode(200)
                .body("upvotes", equalTo(2));
        assertEquals(2, Accounts.count(db, "SELECT upvotes FROM event_question WHERE id = ?", second));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM event_question_vote WHERE question_id = ?", second));
        given().get("/api/events/" + id + "/questions").then().statusCode(200)
                .body("id", contains((int) second, (int) first)).body("upvotes", contains(2, 0));
    }

    @Test
    void changesStreamAsServerSentEventsIncludingThoseFromOtherInstances() throws Exception {
        long id = liveEvent();
        String token = EventFixtures.register(id, "Sinta", Accounts.uniqueEmail("sse")).getString("manageToken");
        long qid = ask(id, token, "Kapan perpustakaan keliling datang ke Cempaka?").getLong("id");

        try (Stream stream = Stream.open(id)) {
            assertNotNull(stream.await(l -> l.contains("\"SNAPSHOT\"")), "snapshot");
            given().auth().oauth2(staff).post("/api/events/" + id + "/questions/" + qid + "/approve").then().statusCode(200);
            String upsert = stream.await(l -> l.contains("\"UPSERT\"") && l.contains("perpustakaan keliling"));
            assertNotNull(upsert, "the approval streamed");
            assertFalse(upsert.contains("Sinta"), upsert);

            // Another replica's change reaches this instance only through PostgreSQL NOTIFY.
            String fromElsewhere = "{\"kind\":\"UPSERT\",\"eventId\":" + id + ",\"question\":{\"id\":987654321,\"eventId\":" + id
                    + ",\"text\":\"Dari instans lain\",\"status\":\"APPROVED\",\"upvotes\":3}}";
            Accounts.count(db, "SELECT count(*) FROM (SELECT pg_notify(?, ?)) n", QuestionFeed.CHANNEL, fromElsewhere);
            assertNotNull(stream.await(l -> l.contains("Dari instans lain")), "the NOTIFY streamed");
            // Other events' changes do not.
            Accounts.count(db, "SELECT count(*) FROM (SELECT pg_notify(?, ?)) n", QuestionFeed.CHANNEL,
                    fromElsewhere.replace("\"eventId\":" + id, "\"eventId\":1").replace("Dari instans lain", "Acara lain"));

            given().auth().oauth2(staff).post("/api/events/" + id + "/questions/" + qid + "/hide").then().statusCode(200);
            assertNotNull(stream.await(l -> l.contains("\"REMOVE\"")), "the hide streamed");
            assertTrue(stream.seen.stream().noneMatch(l -> l.contains("Acara lain")), stream.seen.toString());
        }
    }

    @Test
    void theStreamOfADraftOrMissingEventIs404() throws Exception {
        long draft = EventFixtures.create(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        for (long id : new long[] { draft, 999999999L }) {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/events/"
                            + id + "/questions/stream")).header("Accept", "text/event-stream").build(),
                            HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);
            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.body().contains("https://serambi.id/problems/not-found"), response.body());
        }
    }

    /** A text/event-stream read line by line on a background thread, closed at the end of the test. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        java.util.stream.Stream<String> body;

        static Stream open(long eventId) throws Exception {
            Stream stream = new Stream();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/api/events/" + eventId + "/questions/stream")).header("Accept", "text/event-stream").build();
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            stream.body = response.body();
            Thread reader = new Thread(() -> {
                try {
                    stream.body.forEach(stream.lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return stream;
        }

        String await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (wanted.test(line)) {
                        return line;
                    }
                }
            }
            return null;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
