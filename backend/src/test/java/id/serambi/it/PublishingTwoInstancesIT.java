package id.serambi.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Publishing with two packaged instances on one database, both running the publishing job every second, against a
 * Graph API stand-in: 50 posts due in the same minute go out once each; a {@code kill -9} of an instance in the middle
 * of a (slow) platform call leaves the variant "Perlu dicek" on the other instance, never sent twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishingTwoInstancesIT {

    static final String GRAPH = "/meta/v23.0";
    static final String PAGE_ID = "102030405060";
    static final String SYSTEM_TOKEN = "EAAGsystemUserTokenIt";
    static final String PAGE_TOKEN = "EAAGpageTokenIt";
    static final String FEED = GRAPH + "/" + PAGE_ID + "/feed";

    private static WireMockServer standIn;
    private static TwoInstances pair;

    @BeforeAll
    static void start() throws Exception {
        standIn = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .globalTemplating(true).containerThreads(40));
        standIn.start();
        pair = TwoInstances.start(TwoInstances.PORT_A, TwoInstances.PORT_B, Map.of(
                "SERAMBI_SOCIAL_META_GRAPH_URL", standIn.baseUrl() + GRAPH,
                "SERAMBI_SOCIAL_META_APP_ID", "1234567890",
                "SERAMBI_SOCIAL_META_APP_SECRET", "it-app-secret",
                "SERAMBI_CAMPAIGNS_PUBLISH_EVERY", "1s",
                "SERAMBI_CAMPAIGNS_PUBLISH_DELAY", "1s",
                "SERAMBI_CAMPAIGNS_ATTEMPT_LEASE", "PT20S"));
        standIn.stubFor(get(urlPathEqualTo(GRAPH + "/me/accounts")).withQueryParam("access_token", equalTo(SYSTEM_TOKEN))
                .willReturn(okJson("""
                        {"data":[{"id":"%s","name":"Perpustakaan Kota Banjarbaru","access_token":"%s"}],
                         "paging":{"cursors":{"before":"QVFIUk","after":"QVFIUk"}}}""".formatted(PAGE_ID, PAGE_TOKEN))));
        standIn.stubFor(get(urlPathEqualTo(GRAPH + "/debug_token")).willReturn(okJson("""
                {"data":{"app_id":"1234567890","type":"PAGE","application":"Serambi","data_access_expires_at":0,"expires_at":0,
                 "is_valid":true,"issued_at":1764547200,"profile_id":"%s","scopes":["pages_show_list","pages_manage_posts"],
                 "user_id":"10160000000000000"}}""".formatted(PAGE_ID))));
        standIn.stubFor(get(urlPathMatching(GRAPH + "/" + PAGE_ID + "_[0-9]+")).willReturn(okJson(
                "{\"permalink_url\":\"https://www.facebook.com/" + PAGE_ID + "/posts/{{request.pathSegments.[2]}}\","
                        + "\"id\":\"{{request.pathSegments.[2]}}\"}")));
        given().baseUri(pair.url(pair.portA)).auth().oauth2(pair.adminToken(pair.portA)).contentType(ContentType.JSON)
                .body(Map.of("token", SYSTEM_TOKEN)).post("/api/social/connections/system-user").then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
        if (standIn != null) {
            standIn.stop();
        }
    }

    @Test
    @Order(1)
    void fiftyPostsDueInTheSameMinuteArePublishedOnceEachAcrossTwoInstances() throws Exception {
        String m = marker();
        standIn.stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m)).willReturn(
                okJson("{\"id\":\"" + PAGE_ID + "_{{randomValue length=12 type='NUMERIC'}}\"}").withFixedDelay(100)));
        Instant due = Instant.now().plusSeconds(5);
        for (int i = 0; i < 50; i++) {
            scheduledFacebookPost("Serentak " + i + " " + m, due);
        }

        Instant deadline = due.plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && count("SELECT count(*) FROM post_variant WHERE text LIKE ? AND delivery = 'PUBLISHED'", "%" + m) < 50) {
            Thread.sleep(500);
        }
        assertEquals(50, count("SELECT count(*) FROM post_variant WHERE text LIKE ? AND delivery = 'PUBLISHED'", "%" + m),
                "all published within 60 s of their time");
        List<LoggedRequest> sent = standIn.findAll(postRequestedFor(urlPathEqualTo(FEED)).withRequestBody(containing(m)));
        assertEquals(50, sent.size(), "one request per post");
        assertEquals(50, sent.stream().map(LoggedRequest::getBodyAsString).distinct().count(), "none twice");
        assertEquals(2, count("SELECT count(DISTINCT a.instance) FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id WHERE v.text LIKE ?",
                "%" + m), "both instances took a share");
        assertTrue(count("SELECT count(*) FROM post_variant WHERE text LIKE ? AND published_at > scheduled_at + interval '60 seconds'",
                "%" + m) == 0, "none later than 60 s");
    }

    @Test
    @Order(2) // last: it kills an instance
    void aKillDashNineDuringThePlatformCallLeavesCheckNeededNotADuplicate() throws Exception {
        String m = marker();
        // The Graph API answers this one slowly: the instance that claims it is killed while it waits.
        standIn.stubFor(post(urlPathEqualTo(FEED)).withRequestBody(containing(m)).willReturn(
                okJson("{\"id\":\"" + PAGE_ID + "_777000111\"}").withFixedDelay(60_000)));
        scheduledFacebookPost("Terputus " + m, Instant.now().plusSeconds(2));
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && standIn.findAll(postRequestedFor(urlPathEqualTo(FEED)).withRequestBody(containing(m))).isEmpty()) {
            Thread.sleep(200);
        }
        assertEquals(1, standIn.findAll(postRequestedFor(urlPathEqualTo(FEED)).withRequestBody(containing(m))).size());
        // The attempt names its instance "pid@host/...": kill -9 that one while Meta has not answered yet.
        String claimedBy = string("SELECT a.instance FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id WHERE v.text LIKE ?", "%" + m);
        pair.kill(Long.parseLong(claimedBy.substring(0, claimedBy.indexOf('@'))));
        assertEquals("PUBLISHING", string("SELECT delivery FROM post_variant WHERE text LIKE ?", "%" + m));

        // After the lease (20 s) the surviving instance finds the attempt unfinished.
        Instant until = Instant.now().plusSeconds(90);
        String delivery = "";
        while (Instant.now().isBefore(until)) {
            delivery = string("SELECT delivery FROM post_variant WHERE text LIKE ?", "%" + m);
            if (!delivery.equals("PUBLISHING")) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("CHECK_NEEDED", delivery);
        assertEquals("INTERRUPTED", string("SELECT a.outcome FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id WHERE v.text LIKE ?", "%" + m));
        Thread.sleep(3000);
        assertEquals(1, standIn.findAll(postRequestedFor(urlPathEqualTo(FEED)).withRequestBody(containing(m))).size(),
                "never sent a second time");
    }

    // --- helpers: posts are written straight into the shared database, already scheduled ---

    private static void scheduledFacebookPost(String text, Instant at) throws Exception {
        try (Connection c = db(); PreparedStatement post = c.prepareStatement(
                "INSERT INTO post (content_type, body, status, reviewed_at) VALUES ('ANNOUNCEMENT', ?, 'SCHEDULED', now()) RETURNING id")) {
            post.setString(1, text);
            try (ResultSet rs = post.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                try (PreparedStatement v = c.prepareStatement("INSERT INTO post_variant (post_id, platform, text, scheduled_at, delivery) "
                        + "VALUES (?, 'FACEBOOK', ?, ?, 'SCHEDULED')")) {
                    v.setLong(1, id);
                    v.setString(2, text);
                    v.setObject(3, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                    v.executeUpdate();
                }
            }
        }
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long count(String sql, Object... args) throws Exception {
        return Long.parseLong(string(sql, args));
    }

    private static String string(String sql, Object... args) throws Exception {
        try (Connection c = db(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + TwoInstances.DB, "serambi", "serambi");
    }
}
