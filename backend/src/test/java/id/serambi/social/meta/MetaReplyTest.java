package id.serambi.social.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: staff's inbox replies on Facebook and Instagram go through the connected account to the Graph API
 * stand-in, in the shapes of Meta's documentation (comment replies; the Send API with messaging_type RESPONSE).
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class MetaReplyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    @BeforeEach
    void connect() {
        MetaConnected.connect(db);
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    long thread(ConversationChannel channel, ConversationKind kind, String key, String account) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(new InboundMessage(channel, kind, key,
                key + "-in", account, "6543210987654321", "Siti", "Halo", Instant.now(), null))).threadId();
    }

    static String reply(String staff, long thread, String text) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", text))
                .post("/api/conversations/" + thread + "/replies").then().statusCode(201).extract().path("externalId");
    }

    @Test
    void aFacebookCommentIsAnsweredUnderItsRootComment() throws Throwable {
        String staff = Staff.token();
        String root = MetaStubs.PAGE_ID.substring(0, 6) + "_" + UUID.randomUUID().toString().substring(0, 8);
        long thread = thread(ConversationChannel.FACEBOOK, ConversationKind.COMMENT, root, MetaStubs.PAGE_ID);
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MetaStubs.GRAPH + "/" + root + "/comments"))
                .withRequestBody(containing("access_token=" + MetaConnected.PAGE_TOKEN))
                .willReturn(okJson("{\"id\":\"" + root + "_reply1\"}")));
        assertEquals(root + "_reply1", reply(staff, thread, "Masih bisa, Kak!"));
        PlatformStandIns.server().verify(postRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/" + root + "/comments"))
                .withRequestBody(containing("message=Masih+bisa%2C+Kak%21")));
    }

    @Test
    void aMessengerThreadIsAnsweredThroughTheSendApi() throws Throwable {
        String staff = Staff.token();
        String psid = "psid" + UUID.randomUUID().toString().substring(0, 8);
        long thread = VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(new InboundMessage(
                ConversationChannel.FACEBOOK, ConversationKind.DIRECT, psid, "m_" + psid, MetaStubs.PAGE_ID, psid, null,
                "Jam buka?", Instant.now(), null))).threadId();
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MetaStubs.GRAPH + "/" + MetaStubs.PAGE_ID + "/messages"))
                .willReturn(okJson("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_out_" + psid + "\"}")));
        assertEquals("m_out_" + psid, reply(staff, thread, "Buka pukul 08.00 WITA"));
        PlatformStandIns.server().verify(postRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/" + MetaStubs.PAGE_ID + "/messages"))
                .withRequestBody(containing("recipient=%7B%22id%22%3A%22" + psid + "%22%7D"))
                .withRequestBody(containing("messaging_type=RESPONSE"))
                .withRequestBody(containing("message=%7B%22text%22%3A%22Buka+pukul+08.00+WITA%22%7D")));
    }

    @Test
    void anInstagramCommentIsAnsweredWithAReply() throws Throwable {
        String staff = Staff.token();
        String comment = "1786" + UUID.randomUUID().toString().replaceAll("[^0-9]", "");
        long thread = thread(ConversationChannel.INSTAGRAM, ConversationKind.COMMENT, comment, MetaStubs.IG_ID);
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MetaStubs.GRAPH + "/" + comment + "/replies"))
                .willReturn(okJson("{\"id\":\"" + comment + "9\"}")));
        assertEquals(comment + "9", reply(staff, thread, "Terima kasih!"));
    }

    @Test
    void aRefusedReplyStoresNothing() throws Throwable {
        String staff = Staff.token();
        String root = "990_" + UUID.randomUUID().toString().substring(0, 8);
        long thread = thread(ConversationChannel.FACEBOOK, ConversationKind.COMMENT, root, MetaStubs.PAGE_ID);
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MetaStubs.GRAPH + "/" + root + "/comments"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#100) This comment has been deleted","type":"OAuthException","code":100,"fbtrace_id":"AbC"}}""")));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Halo"))
                .post("/api/conversations/" + thread + "/replies").then(), 502, "reply-failed");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'OUT'", thread));

        Accounts.sql(db, "DELETE FROM social_connection");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Halo"))
                .post("/api/conversations/" + thread + "/replies").then(), 409, "channel-not-connected")
                .body("status", equalTo(409));
    }
}
