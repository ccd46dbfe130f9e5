package id.serambi.campaign.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.serambi.campaign.CampaignFixtures;
import id.serambi.social.MetaStubs;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publishing job with the real social facade and Facebook provider, against the Graph API stand-in answering as
 * Meta documents it: {@code POST /{page-id}/feed} gives the post id, {@code GET /{post-id}?fields=permalink_url} its
 * permalink; errors are Graph's error JSON. Counting the stand-in's requests proves "exactly once".
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class FacebookJobPublishingTest {

    static final String SYSTEM_TOKEN = "EAAGsystemUserTokenPublishing";
    static final String PAGE_TOKEN = "EAAGpageTokenPublishing";
    static final String FEED = MetaStubs.GRAPH + "/" + MetaStubs.PAGE_ID + "/feed";

    @Inject
    AgroalDataSource db;

    @Inject
    PublishingJob job;

    String staff;
    String reviewer;

    @BeforeEach
    void connect() {
        Accounts.sql(db, "DELETE FROM social_connection");
        // Older tests' leftovers are not this test's business.
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'FAILED' WHERE delivery IN ('SCHEDULED', 'RETRY_WAIT', 'MISSED')");
        Accounts.sql(db, "UPDATE publish_attempt SET finished_at = now(), outcome = 'INTERRUPTED' WHERE finished_at IS NULL");
        MetaStubs.onePage(SYSTEM_TOKEN, PAGE_TOKEN);
        MetaStubs.debugToken(PAGE_TOKEN, 0);
        given().auth().oauth2(Staff.token()).contentType(ContentType.JSON).body(Map.of("token", SYSTEM_TOKEN))
                .post("/api/social/connections/system-user").then().statusCode(200);
        PlatformStandIns.server().resetAll();
        // Any post id: its permalink, as Graph gives it.
        PlatformStandIns.server().stubFor(get(urlPathMatching(MetaStubs.GRAPH + "/" + MetaStubs.PAGE_ID + "_[0-9]+"))
                .willReturn(okJson("{\"permalink_url\":\"https://www.facebook.com/" + MetaStubs.PAGE_ID
                        + "/posts/{{request.pathSegments.[2]}}\",\"id\":\"{{request.pathSegments.[2]}}\"}")));
        staff = Accounts.tokenFor(db, "STAFF");
        reviewer = Accounts.tokenFor(db, "REVIEWER");
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    @Test
    void aDueVariantIsPublishedOnTheFeedOnceWithItsIdAndPermalink() {
        String m = marker();
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m))
                .willReturn(okJson("{\"id\":\"" + MetaStubs.PAGE_ID + "_555000777\"}")));
        long notYet = scheduled(post(variant("FACEBOOK", "Nanti " + m, Instant.now().plus(Duration.ofMinutes(10)).toString())));
        long id = dueNow(post(variant("FACEBOOK", "Sekarang " + m, null)));

        run();
        run();
        List<LoggedRequest> sent = feedPosts(m);
        assertEquals(1, sent.size(), "one POST to the feed");
        assertTrue(sent.get(0).getBodyAsString().contains("access_token=" + PAGE_TOKEN));
        assertTrue(sent.get(0).getBodyAsString().contains("Sekarang+" + m), sent.get(0).getBodyAsString());
        assertEquals("PUBLISHED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals(MetaStubs.PAGE_ID + "_555000777", string("SELECT external_id FROM post_variant WHERE post_id = ?", id));
        assertEquals("https://www.facebook.com/" + MetaStubs.PAGE_ID + "/posts/" + MetaStubs.PAGE_ID + "_555000777",
                string("SELECT published_url FROM post_variant WHERE post_id = ?", id));
        assertEquals("PUBLISHED", string("SELECT status FROM post WHERE id = ?", id));
        assertEquals("SCHEDULED", string("SELECT delivery FROM post_variant WHERE post_id = ?", notYet), "not yet due: untouched");
    }

    @Test
    void a503AndA429WithRateLimitHeadersAreRetriedThenPublished() {
        String m = marker();
        var server = PlatformStandIns.server();
        server.stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m)).inScenario(m).whenScenarioStateIs(STARTED)
                .willSetStateTo("throttled").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#2) Service temporarily unavailable\",\"type\":\"OAuthException\","
                                + "\"is_transient\":true,\"code\":2,\"fbtrace_id\":\"A1b2C3\"}}")));
        server.stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m)).inScenario(m).whenScenarioStateIs("throttled")
                .willSetStateTo("open").willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-Business-Use-Case-Usage", "{\"" + MetaStubs.PAGE_ID + "\":[{\"type\":\"pages\",\"call_count\":100,"
                                + "\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":20}]}")
                        .withBody("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\","
                                + "\"code\":32,\"fbtrace_id\":\"D4e5F6\"}}")));
        server.stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m)).inScenario(m).whenScenarioStateIs("open")
                .willReturn(okJson("{\"id\":\"" + MetaStubs.PAGE_ID + "_555000888\"}")));
        long id = dueNow(post(variant("FACEBOOK", "Sabar " + m, null)));

        run();
        assertEquals("RETRY_WAIT", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertTrue(string("SELECT last_error FROM post_variant WHERE post_id = ?", id).contains("Service temporarily unavailable"));
        Accounts.sql(db, "UPDATE post_variant SET next_attempt_at = now() WHERE post_id = ?", id);
        run();
        assertEquals("RETRY_WAIT", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        // Meta's 20 minutes to regain access, longer than the back-off.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ? AND next_attempt_at "
                + "BETWEEN now() + interval '19 minutes' AND now() + interval '21 minutes'", id));
        run();
        assertEquals(2, feedPosts(m).size(), "not before the platform's wait");
        Accounts.sql(db, "UPDATE post_variant SET next_attempt_at = now() WHERE post_id = ?", id);
        run();
        assertEquals(3, feedPosts(m).size());
        assertEquals("PUBLISHED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals(MetaStubs.PAGE_ID + "_555000888", string("SELECT external_id FROM post_variant WHERE post_id = ?", id));
        assertEquals("503,429,", string("SELECT string_agg(coalesce(a.http_status || '', ''), ',' ORDER BY a.id) FROM publish_attempt a "
                + "JOIN post_variant v ON v.id = a.variant_id WHERE v.post_id = ?", id));
    }

    @Test
    void aPolicyRejectionIsFinalWithMetasMessage() {
        String m = marker();
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#368) The action attempted has been deemed abusive or is otherwise "
                                + "disallowed\",\"type\":\"OAuthException\",\"code\":368,\"fbtrace_id\":\"G7h8I9\"}}")));
        long id = dueNow(post(variant("FACEBOOK", "Ditolak " + m, null)));
        run();
        run();
        assertEquals(1, feedPosts(m).size());
        assertEquals("FAILED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertTrue(string("SELECT last_error FROM post_variant WHERE post_id = ?", id).contains("(#368) The action attempted"));
    }

    @Test
    void anUnfinishedAttemptIsCheckNeededAndTheFeedGetsNoSecondRequest() {
        String m = marker();
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m))
                .willReturn(okJson("{\"id\":\"" + MetaStubs.PAGE_ID + "_555000999\"}")));
        long id = dueNow(post(variant("FACEBOOK", "Terputus " + m, null)));
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'PUBLISHING', attempts = 1 WHERE post_id = ?", id);
        Accounts.sql(db, "INSERT INTO publish_attempt (variant_id, instance, started_at) SELECT id, 'killed', "
                + "now() - interval '6 minutes' FROM post_variant WHERE post_id = ?", id);
        run();
        run();
        assertEquals("CHECK_NEEDED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals(0, feedPosts(m).size(), "never re-sent blindly");
    }

    @Test
    void twoRunsAtOnceOnFiftyDueVariantsPostEachOnceOnTheFeed() throws Exception {
        String m = marker();
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m))
                .willReturn(okJson("{\"id\":\"" + MetaStubs.PAGE_ID + "_{{randomValue length=12 type='NUMERIC'}}\"}")
                        .withFixedDelay(50)));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(CampaignFixtures.createPost(staff, post(variant("FACEBOOK", "Serentak " + i + " " + m, null))));
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Accounts.sql(db, "UPDATE post SET status = 'SCHEDULED' WHERE id IN (" + in + ")");
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'SCHEDULED', scheduled_at = now() - interval '1 second' WHERE post_id IN (" + in + ")");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<PublishingJob.Run>> runs = pool.invokeAll(List.of(this::runOnce, this::runOnce));
            int claimed = 0;
            for (Future<PublishingJob.Run> f : runs) {
                claimed += f.get().claimed();
            }
            assertEquals(50, claimed);
        } finally {
            pool.shutdown();
        }
        run();
        List<LoggedRequest> sent = feedPosts(m);
        assertEquals(50, sent.size(), "50 requests to the feed");
        assertEquals(50, sent.stream().map(LoggedRequest::getBodyAsString).distinct().count(), "each variant once");
        assertEquals(50, Accounts.count(db, "SELECT count(DISTINCT external_id) FROM post_variant WHERE post_id IN (" + in
                + ") AND delivery = 'PUBLISHED'"));
    }

    private List<LoggedRequest> feedPosts(String marker) {
        return PlatformStandIns.server().findAll(postRequestedFor(urlPathEqualTo(FEED)).withRequestBody(containing(marker)));
    }

    private PublishingJob.Run runOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.runOnce());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScheduledVariantMovedToAnotherTimeFollowsTheScheduleRuleAndAMissedOneGetsItsChanceAgain() {
        String m = marker();
        Map<String, Object> body = post(variant("FACEBOOK", "Geser " + m, Instant.now().plus(Duration.ofMinutes(10)).toString()));
        long id = scheduled(body);
        Map<String, Object> variant = ((List<Map<String, Object>>) body.get("variants")).get(0);

        // Moved to one minute from now: under 5 minutes after the approval, refused, nothing changes.
        variant.put("scheduledAt", Instant.now().plus(Duration.ofMinutes(1)).toString());
        String etag = given().auth().oauth2(staff).get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put("/api/posts/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("schedule-too-early"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("variants[0].scheduledAt"));
        assertEquals("SCHEDULED", string("SELECT status FROM post WHERE id = ?", id));

        // Missed (40 minutes late), then moved 20 minutes ahead: scheduled again, and published at its new time.
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'MISSED', last_error = 'x', scheduled_at = now() - interval '40 minutes'"
                + " WHERE post_id = ?", id);
        variant.put("scheduledAt", Instant.now().plus(Duration.ofMinutes(20)).toString());
        etag = given().auth().oauth2(staff).get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put("/api/posts/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SCHEDULED"))
                .body("variants[0].delivery", org.hamcrest.Matchers.equalTo("SCHEDULED"));
        assertEquals("SCHEDULED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals(null, string("SELECT last_error FROM post_variant WHERE post_id = ?", id));
        run();
        assertEquals(0, feedPosts(m).size(), "not due yet: nothing sent");
    }

    private void run() {
        try {
            runOnce();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long scheduled(Map<String, Object> body) {
        long id = CampaignFixtures.createPost(staff, body);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Sudah dicek"))
                .post("/api/posts/" + id + "/approve").then().statusCode(200);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then().statusCode(200);
        return id;
    }

    @SuppressWarnings("unchecked")
    private long dueNow(Map<String, Object> body) {
        String at = Instant.now().plus(Duration.ofMinutes(10)).toString();
        for (Object v : (List<Object>) body.get("variants")) {
            ((Map<String, Object>) v).put("scheduledAt", at);
        }
        long id = scheduled(body);
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() - interval '1 second' WHERE post_id = ?", id);
        return id;
    }

    private String string(String sql, Object... args) {
        return Accounts.text(db, sql, args);
    }
}
