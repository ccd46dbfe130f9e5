package id.serambi.social.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.social.MetaStubs;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the Graph API's failures reach the publishing job: TOKEN_INVALID, TEMPORARY (with a wait) or PERMANENT. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class MetaFailuresTest {

    static final String FEED = MetaStubs.GRAPH + "/" + MetaStubs.PAGE_ID + "/feed";

    @Inject
    AgroalDataSource db;

    @Inject
    SocialAccounts accounts;

    @BeforeEach
    void connect() {
        MetaConnected.connect(db);
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    private PublishFailure publishFails() {
        return assertThrows(PublishFailure.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> accounts.publish(SocialPlatform.FACEBOOK, new OutgoingPost("Halo", List.of()))));
    }

    @Test
    void code190TurnsTheConnectionNeedsReconnectOnceWithMetasMessage() throws Throwable {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(MetaStubs.tokenRefused(
                "Error validating access token: The session has been invalidated because the user changed their password.")));
        String notices = "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.account_id "
                + "WHERE n.kind = 'CONNECTION_NEEDS_RECONNECT' AND u.role = 'ADMIN' AND n.link = '/staf/akun-sosial'";
        long admins = Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'ADMIN'");
        long before = Accounts.count(db, notices);
        long others = Accounts.count(db, "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.account_id "
                + "WHERE n.kind = 'CONNECTION_NEEDS_RECONNECT' AND u.role <> 'ADMIN'");

        PublishFailure failure = publishFails();
        assertEquals(PublishFailure.Kind.TOKEN_INVALID, failure.kind());
        assertTrue(failure.getMessage().contains("user changed their password"), failure.getMessage());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'FACEBOOK' "
                + "AND status = 'NEEDS_RECONNECT' AND status_reason LIKE '%changed their password%'"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'INSTAGRAM' AND status = 'CONNECTED'"));
        assertEquals(false, VertxContextSupport.subscribeAndAwait(() -> accounts.isConnected(SocialPlatform.FACEBOOK)));

        given().auth().oauth2(Staff.token()).get("/api/social/connections").then().statusCode(200)
                .body("connections[0].state", equalTo("NEEDS_RECONNECT"))
                .body("connections[0].reason", containsString("changed their password"));

        // Every admin is told once, on the change; nobody else.
        assertTrue(admins > 0);
        assertEquals(before + admins, Accounts.count(db, notices));

        // No second call to Meta: the connection cannot publish until someone reconnects it; nobody is told again.
        assertEquals(PublishFailure.Kind.NOT_CONNECTED, publishFails().kind());
        assertEquals(before + admins, Accounts.count(db, notices));
        assertEquals(others, Accounts.count(db, "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.account_id "
                + "WHERE n.kind = 'CONNECTION_NEEDS_RECONNECT' AND u.role <> 'ADMIN'"));
        assertEquals(1, PlatformStandIns.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(FEED))).size());
    }

    @Test
    void an401WithoutGraphsJsonIsTokenInvalidToo() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(401)));
        assertEquals(PublishFailure.Kind.TOKEN_INVALID, publishFails().kind());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'FACEBOOK' AND status = 'NEEDS_RECONNECT'"));
    }

    @Test
    void throttlingIsTemporaryAfterTheWaitMetaGives() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Business-Use-Case-Usage", """
                        {"%s":[{"type":"pages","call_count":100,"total_cputime":45,"total_time":62,"estimated_time_to_regain_access":7}]}"""
                        .formatted(MetaStubs.PAGE_ID).strip())
                .withBody("""
                        {"error":{"message":"(#32) Page request limit reached","type":"OAuthException","code":32,"fbtrace_id":"Fz9"}}""")));
        PublishFailure failure = publishFails();
        assertEquals(PublishFailure.Kind.TEMPORARY, failure.kind());
        assertEquals(Duration.ofMinutes(7), failure.retryAfter());
        assertTrue(failure.getMessage().contains("Page request limit reached"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'FACEBOOK' AND status = 'CONNECTED'"));
    }

    @Test
    void a429WithRetryAfterIsTemporary() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")
                .withHeader("X-App-Usage", "{\"call_count\":100,\"total_cputime\":20,\"total_time\":30}")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":\"OAuthException\",\"code\":4,\"is_transient\":true}}")));
        PublishFailure failure = publishFails();
        assertEquals(PublishFailure.Kind.TEMPORARY, failure.kind());
        assertEquals(429, failure.httpStatus());
        // X-App-Usage at 100% asks for longer than Retry-After: the longer wait wins.
        assertEquals(Duration.ofMinutes(15), failure.retryAfter());
    }

    @Test
    void a5xxIsTemporary() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));
        PublishFailure failure = publishFails();
        assertEquals(PublishFailure.Kind.TEMPORARY, failure.kind());
        assertEquals(503, failure.httpStatus());
        assertNull(failure.retryAfter());
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsTemporary() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(okJson("{\"id\":\"1_2\"}").withFixedDelay(3500)));
        long start = System.nanoTime();
        PublishFailure failure = publishFails();
        assertEquals(PublishFailure.Kind.TEMPORARY, failure.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3400, "waited past the 2 s timeout");
    }

    @Test
    void aPolicyRejectionIsPermanentWithMetasMessage() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#368) The action attempted has been deemed abusive or is otherwise disallowed",
                          "type":"OAuthException","code":368,"error_subcode":1390008,"error_user_title":"Posting blocked",
                          "error_user_msg":"This post goes against our Community Standards.","fbtrace_id":"Gh7"}}""")));
        PublishFailure failure = publishFails();
        assertEquals(PublishFailure.Kind.PERMANENT, failure.kind());
        assertTrue(failure.getMessage().contains("deemed abusive") && failure.getMessage().contains("Community Standards"),
                failure.getMessage());
    }

    @Test
    void notConnectedIsSaidWithoutCallingMeta() {
        Accounts.sql(db, "DELETE FROM social_connection");
        assertEquals(PublishFailure.Kind.NOT_CONNECTED, publishFails().kind());
        assertEquals(0, PlatformStandIns.server().getAllServeEvents().size());
    }
}
