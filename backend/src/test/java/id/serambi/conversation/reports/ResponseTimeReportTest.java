package id.serambi.conversation.reports;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the response-time report's figures, from known times, in March 2031 (a period no other test uses): weeks
 * in WITA, medians and 90th percentiles as percentile_cont interpolates them, per channel and per staff member.
 */
@QuarkusTest
class ResponseTimeReportTest {

    private static final String RANGE = "/api/conversations/response-times?from=2031-03-03&to=2031-03-16";

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    record Member(long id, String token) {
    }

    Member staff() {
        String email = Accounts.uniqueEmail("staf");
        long id = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", id);
        return new Member(id, Accounts.login(email, Accounts.PASSWORD));
    }

    /** A thread on the channel whose contact first wrote at {@code first}; its id. */
    long thread(ConversationChannel channel, String first) throws Throwable {
        String key = UUID.randomUUID().toString().substring(0, 12);
        InboundMessage m = new InboundMessage(channel, ConversationKind.DIRECT, key, "m-" + key, "library", key, "Kontak",
                "Halo", Instant.parse(first), null);
        return VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(m)).threadId();
    }

    void responded(long thread, long staff, String first, int seconds) {
        Accounts.sql(db, "UPDATE conversation_thread SET first_responder_id = ?, first_response_at = CAST(? AS timestamptz) "
                + "+ make_interval(secs => ?) WHERE id = ?", staff, first, seconds, thread);
    }

    void resolved(long thread, Long assignee, String created, int seconds) {
        Accounts.sql(db, "UPDATE conversation_thread SET assignee_id = ?, created_at = CAST(? AS timestamptz), status = 'DONE', "
                + "resolved_at = CAST(? AS timestamptz) + make_interval(secs => ?) WHERE id = ?", assignee, created, created,
                seconds, thread);
    }

    static double figure(JsonPath r, String path) {
        return r.getDouble(path);
    }

    @Test
    void firstResponseAndResolutionTimesPerWeekChannelAndStaffMember() throws Throwable {
        Member rina = staff();
        Member budi = staff();
        // A web thread answered through the API: the reply records its first responder; its time is then set to 600 s.
        String t1At = "2031-03-03T01:00:00Z"; // Monday 09:00 WITA, week of 3 March
        long t1 = thread(ConversationChannel.WEB, t1At);
        given().auth().oauth2(rina.token()).contentType(ContentType.JSON).body(Map.of("body", "Halo, ada yang bisa dibantu?"))
                .post("/api/conversations/" + t1 + "/replies").then().statusCode(201);
        assertEquals(rina.id(), Accounts.count(db, "SELECT first_responder_id FROM conversation_thread WHERE id = ?", t1));
        responded(t1, rina.id(), t1At, 600);
        String t2At = "2031-03-04T02:00:00Z";
        long t2 = thread(ConversationChannel.FACEBOOK, t2At);
        responded(t2, rina.id(), t2At, 1800);
        // Sunday 16:30 UTC is Monday 00:30 WITA: the week of 10 March, not of 3 March.
        String t3At = "2031-03-09T16:30:00Z";
        long t3 = thread(ConversationChannel.WHATSAPP, t3At);
        responded(t3, budi.id(), t3At, 3600);
        thread(ConversationChannel.WHATSAPP, "2031-03-11T03:00:00Z"); // not answered: not counted
        // Sunday 2 March 23:59 WITA and Monday 17 March 00:00 WITA: outside the period.
        long before = thread(ConversationChannel.WEB, "2031-03-02T15:59:00Z");
        responded(before, rina.id(), "2031-03-02T15:59:00Z", 60);
        long after = thread(ConversationChannel.WEB, "2031-03-16T16:00:00Z");
        responded(after, rina.id(), "2031-03-16T16:00:00Z", 60);

        resolved(t1, rina.id(), t1At, 7200);
        resolved(t2, budi.id(), t2At, 86400);
        resolved(t3, null, t3At, 1800);

        JsonPath r = given().auth().oauth2(rina.token()).get(RANGE).then().statusCode(200).extract().jsonPath();
        assertEquals("2031-03-03", r.getString("from"));
        assertEquals("2031-03-16", r.getString("to"));
        assertEquals("Asia/Makassar", r.getString("timeZone"));

        // First response: 600, 1800, 3600 s.
        assertEquals(3, r.getInt("firstResponse.overall.count"));
        assertEquals(1800.0, figure(r, "firstResponse.overall.medianSeconds"));
        assertEquals(3240.0, figure(r, "firstResponse.overall.p90Seconds"), 1e-6); // 1800 + 0.8 × 1800
        assertEquals(2, r.getList("firstResponse.weeks").size());
        assertEquals("2031-03-03", r.getString("firstResponse.weeks[0].week"));
        assertEquals(2, r.getInt("firstResponse.weeks[0].figures.count"));
        assertEquals(1200.0, figure(r, "firstResponse.weeks[0].figures.medianSeconds"));
        assertEquals(1680.0, figure(r, "firstResponse.weeks[0].figures.p90Seconds"), 1e-6); // 600 + 0.9 × 1200
        assertEquals("2031-03-10", r.getString("firstResponse.weeks[1].week"));
        assertEquals(1, r.getInt("firstResponse.weeks[1].figures.count"));
        assertEquals(3600.0, figure(r, "firstResponse.weeks[1].figures.medianSeconds"));
        assertEquals(600.0, figure(r, "firstResponse.channels.find { it.channel == 'WEB' }.figures.medianSeconds"));
        assertEquals(1800.0, figure(r, "firstResponse.channels.find { it.channel == 'FACEBOOK' }.figures.medianSeconds"));
        assertEquals(3600.0, figure(r, "firstResponse.channels.find { it.channel == 'WHATSAPP' }.figures.p90Seconds"));
        assertEquals(1, r.getInt("firstResponse.channels.find { it.channel == 'WHATSAPP' }.figures.count"));
        assertEquals(3, r.getList("firstResponse.channels").size());
        String rinaFirst = "firstResponse.staff.find { it.staffId == " + rina.id() + " }";
        assertEquals(2, r.getInt(rinaFirst + ".figures.count"));
        assertEquals(1200.0, figure(r, rinaFirst + ".figures.medianSeconds"));
        assertEquals(1680.0, figure(r, rinaFirst + ".figures.p90Seconds"), 1e-6);
        assertEquals("Pengguna Uji", r.getString(rinaFirst + ".staffName"));
        assertEquals(3600.0, figure(r, "firstResponse.staff.find { it.staffId == " + budi.id() + " }.figures.medianSeconds"));

        // Resolution: 7200 (Rina), 86400 (Budi), 1800 (nobody's) s, in the weeks they were resolved.
        assertEquals(3, r.getInt("resolution.overall.count"));
        assertEquals(7200.0, figure(r, "resolution.overall.medianSeconds"));
        assertEquals(70560.0, figure(r, "resolution.overall.p90Seconds"), 1e-6); // 7200 + 0.8 × 79200
        assertEquals(2, r.getInt("resolution.weeks.find { it.week == '2031-03-03' }.figures.count"));
        assertEquals(46800.0, figure(r, "resolution.weeks.find { it.week == '2031-03-03' }.figures.medianSeconds"));
        assertEquals(1800.0, figure(r, "resolution.weeks.find { it.week == '2031-03-10' }.figures.medianSeconds"));
        assertEquals(7200.0, figure(r, "resolution.staff.find { it.staffId == " + rina.id() + " }.figures.medianSeconds"));
        assertEquals(86400.0, figure(r, "resolution.staff.find { it.staffId == " + budi.id() + " }.figures.medianSeconds"));
        assertEquals(1800.0, figure(r, "resolution.staff.find { it.staffId == null }.figures.medianSeconds"));
    }

    @Test
    void anEmptyPeriodHasCountsOfZeroAndNoTimes() {
        JsonPath r = given().auth().oauth2(Staff.token()).get("/api/conversations/response-times?from=1990-01-01&to=1990-01-31")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, r.getInt("firstResponse.overall.count"));
        assertNull(r.get("firstResponse.overall.medianSeconds"));
        assertEquals(0, r.getList("resolution.weeks").size());
    }

    @Test
    void badPeriodsAre400AndOnlyStaffSeeTheReport() {
        String staff = Staff.token();
        assertProblem(given().auth().oauth2(staff).get("/api/conversations/response-times?from=2031-03-16&to=2031-03-03").then(),
                400, "validation");
        given().auth().oauth2(staff).get("/api/conversations/response-times?from=2031-03-16&to=2031-03-03").then()
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
        assertProblem(given().auth().oauth2(staff).get("/api/conversations/response-times?from=3%20Maret").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).get("/api/conversations/response-times?from=2030-01-01&to=2031-03-03").then(),
                400, "validation");
        given().get("/api/conversations/response-times").then().statusCode(401);
        given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).get("/api/conversations/response-times").then().statusCode(403);
        given().auth().oauth2(staff).get("/api/conversations/response-times").then().statusCode(200);
    }
}
