package id.serambi.challenge;

import static io.restassured.RestAssured.given;

import id.serambi.support.Accounts;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Challenges, members and logs made through the real API. */
public final class ChallengeFixtures {

    public static final ZoneId WITA = id.serambi.support.Wita.ZONE;

    private ChallengeFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(WITA);
    }

    /** 10 points a finished book, 1 a page; caps 24 h; flagged above 1000 pages or 600 minutes a day. */
    public static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Pekan Literasi Banjarbaru " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "Baca sebanyak mungkin buku selama Pekan Literasi!");
        body.put("audience", "ALL");
        body.put("startsOn", today().minusDays(10).toString());
        body.put("endsOn", today().plusDays(20).toString());
        body.put("goalType", "BOOKS");
        body.put("goalValue", 10);
        body.put("pointsPerBook", 10);
        body.put("pointsPerPage", 1);
        body.put("pointsPerMinute", 0);
        body.put("schools", List.of("SMP Negeri 1 Banjarbaru", "SMA Negeri 2 Banjarbaru"));
        body.put("badges", List.of(Map.of("name", "Pembaca Pemula", "threshold", 50),
                Map.of("name", "Kutu Buku", "threshold", 500), Map.of("name", "Tamu Istimewa")));
        return body;
    }

    public static long create(String staff, Map<String, Object> body) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/challenges").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long published(String staff, Map<String, Object> body) {
        long id = create(staff, body);
        given().auth().oauth2(staff).post("/api/challenges/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A fresh member (born 2010) who joined with a nickname; returns the member's token. */
    public static String member(long challengeId, String nickname, String school) {
        String email = Accounts.uniqueEmail("remaja");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Remaja " + nickname + " Asli",
                        "birthYear", 2010))
                .post("/api/auth/register").then().statusCode(202);
        String token = Accounts.login(email, Accounts.PASSWORD);
        Map<String, Object> join = new HashMap<>();
        join.put("nickname", nickname);
        if (school != null) {
            join.put("school", school);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(join)
                .post("/api/challenges/" + challengeId + "/participants").then().statusCode(201);
        return token;
    }

    public static Map<String, Object> log(int pages, LocalDate readOn) {
        Map<String, Object> log = new HashMap<>();
        log.put("title", "Laskar Pelangi");
        log.put("author", "Andrea Hirata");
        log.put("pages", pages);
        log.put("readOn", readOn.toString());
        return log;
    }

    public static JsonPath postLog(String token, long challengeId, Map<String, Object> log) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(log)
                .post("/api/challenges/" + challengeId + "/logs").then().statusCode(201).extract().jsonPath();
    }

    public static String nickname(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }
}
