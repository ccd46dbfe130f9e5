package id.serambi.conversation.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.ReplySender.OutgoingReply;
import id.serambi.conversation.polling.PollingService.Outcome;
import id.serambi.conversation.polling.PollingService.Result;
import id.serambi.conversation.x.XReplies;
import id.serambi.social.SocialPlatform;
import id.serambi.social.connections.SocialConnection;
import id.serambi.social.connections.TokenCipher;
import id.serambi.support.Accounts;
import id.serambi.support.Concurrently;
import id.serambi.support.PlatformStandIns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the inbox's polling against stand-ins answering as the X API v2 (user mentions timeline, POST /2/tweets)
 * and the Graph API (a post's comments, a Page's and Instagram's conversations) document.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class PollingTest {

    static final String X_USER = "2244994945";
    static final String PAGE = "102030405060";
    static final String IG = "17841400000000001";
    static final String X_TOKEN = "x-access-token";
    static final String PAGE_TOKEN = "EAAGpageTokenPolling";
    static final String MENTIONS = "/x/2/users/" + X_USER + "/mentions";
    static final String GRAPH = "/meta/v23.0";

    @Inject
    AgroalDataSource db;
    @Inject
    PollingService polling;
    @Inject
    TokenCipher cipher;
    @Inject
    XReplies xReplies;

    @BeforeEach
    void clean() {
        Accounts.sql(db, "DELETE FROM social_connection");
        Accounts.sql(db, "DELETE FROM conversation_poll");
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
        Accounts.sql(db, "DELETE FROM social_connection");
    }

    /** An id that is never {@code id} itself (nor another {@code n}'s): its last digit moved on by n (1 to 9). */
    static String other(String id, int n) {
        int last = id.charAt(id.length() - 1) - '0';
        return id.substring(0, id.length() - 1) + (char) ('0' + (last + n) % 10);
    }

    static String id() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 1_900_000_000_000_000_000L));
    }

    private void connect(SocialPlatform platform, String id, String name, String token) {
        Accounts.sql(db, "INSERT INTO social_connection (platform, external_id, name, method, access_token) "
                + "VALUES (?, ?, ?, ?, ?)", platform.name(), id, name, platform == SocialPlatform.X ? "OAUTH" : "SYSTEM_USER",
                cipher.encrypt(token, SocialConnection.binding(platform, id, "access")));
    }

    private List<Outcome> pollAll(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> polling.pollAll(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome of(List<Outcome> outcomes, SocialPlatform platform) {
        return outcomes.stream().filter(o -> o.platform() == platform).findFirst().orElseThrow();
    }

    private long messages(String externalId) {
        return Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE external_id = ?", externalId);
    }

    private String thread(String externalId) {
        return Accounts.text(db, "SELECT t.channel || '|' || t.kind || '|' || t.thread_key || '|' || t.contact_id || '|' "
                + "|| coalesce(t.contact_name, '-') || '|' || coalesce(t.post_external_id, '-') FROM conversation_thread t "
                + "JOIN conversation_message m ON m.thread_id = t.id WHERE m.external_id = ?", externalId);
    }

    private String sinceId() {
        return Accounts.text(db, "SELECT since_id FROM conversation_poll WHERE platform = 'X' AND account_id = ?", X_USER);
    }

    private static int count(RequestPatternBuilder pattern) {
        return PlatformStandIns.server().findAll(pattern).size();
    }

    /** A mention as GET /2/users/{id}/mentions returns it with tweet.fields created_at, conversation_id, referenced_tweets. */
    static String mention(String id, String conversation, String author, String at, String text) {
        String refs = conversation.equals(id) ? "" : ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"" + conversation + "\"}]";
        return """
                {"id":"%s","text":"%s","author_id":"%s","created_at":"%s","conversation_id":"%s","edit_history_tweet_ids":["%s"]%s}"""
                .formatted(id, text, author, at, conversation, id, refs);
    }

    static String page(String newest, String oldest, String next, String... mentions) {
        return """
                {"data":[%s],"includes":{"users":[{"id":"1500000000000000001","name":"Siti Rahma","username":"sitirahma"},
                 {"id":"%s","name":"Perpustakaan Kota Banjarbaru","username":"PerpusBanjarbaru"}]},
                 "meta":{"result_count":%d,"newest_id":"%s","oldest_id":"%s"%s}}"""
                .formatted(String.join(",", mentions), X_USER, mentions.length, newest, oldest,
                        next == null ? "" : ",\"next_token\":\"" + next + "\"");
    }

    @Test
    void xMentionsArePolledSinceTheNewestIdThroughEveryPageAndStoredOnce() {
        connect(SocialPlatform.X, X_USER, "@PerpusBanjarbaru", X_TOKEN);
        String conversation = id();
        String first = id();
        String second = id();
        String patron = "1500000000000000001";
        // The first poll (no since_id yet) reads the most recent page; the mentions come newest first, one of them
        // the library's own post (left out).
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("since_id", absent())
                .willReturn(okJson(page("1800", "1700",  null,
                        mention(second, conversation, patron, "2026-12-04T03:10:00.000Z", "Jam buka hari Minggu?"),
                        mention(id(), conversation, X_USER, "2026-12-04T03:05:00.000Z", "Halo!"),
                        mention(first, conversation, patron, "2026-12-04T03:00:00.000Z", "Halo @PerpusBanjarbaru")))));
        Instant now = Instant.now();
        Outcome x = of(pollAll(now), SocialPlatform.X);
        assertEquals(Result.POLLED, x.result(), x.toString());
        assertEquals(2, x.received());
        assertEquals(2, x.stored());
        assertEquals("X|MENTION|" + conversation + "|" + patron + "|@sitirahma|" + conversation, thread(first));
        assertEquals(thread(first), thread(second), "mentions of one conversation share a thread");
        assertEquals("2026-12-04 03:10:00+00", Accounts.text(db, "SELECT last_message_at AT TIME ZONE 'UTC' || '+00' FROM "
                + "conversation_thread WHERE thread_key = ?", conversation).replace(".000", ""),
                "out of order (newest first) still leaves the newest time on the thread");
        assertEquals("1800", sinceId());
        var request = PlatformStandIns.server().findAll(getRequestedFor(urlPathEqualTo(MENTIONS))).get(0);
        assertEquals("Bearer " + X_TOKEN, request.getHeader("Authorization"));
        assertEquals("author_id", request.queryParameter("expansions").firstValue());
        assertEquals("username,name", request.queryParameter("user.fields").firstValue());
        assertTrue(request.queryParameter("tweet.fields").firstValue().contains("conversation_id"));
        assertTrue(request.queryParameter("tweet.fields").firstValue().contains("referenced_tweets"));
        assertTrue(request.queryParameter("tweet.fields").firstValue().contains("created_at"));

        // The next poll asks since_id=1800 and follows next_token; the second page overlaps the first poll (adds nothing).
        String third = id();
        String other = id();
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("since_id", equalTo("1800"))
                .withQueryParam("pagination_token", absent())
                .willReturn(okJson(page("1900", "1850", "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i",
                        mention(third, other, patron, "2026-12-04T04:00:00.000Z", "Buku baru kapan datang?")))));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("since_id", equalTo("1800"))
                .withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"))
                .willReturn(okJson(page("1801", "1801", null,
                        mention(second, conversation, patron, "2026-12-04T03:10:00.000Z", "Jam buka hari Minggu?")))));
        x = of(pollAll(now.plusSeconds(120)), SocialPlatform.X);
        assertEquals(Result.POLLED, x.result(), x.toString());
        assertEquals(2, x.received());
        assertEquals(1, x.stored(), "the overlapping mention is not stored again");
        assertEquals(1, messages(second));
        assertEquals(1, messages(third));
        assertEquals("X|MENTION|" + other + "|" + patron + "|@sitirahma|" + other, thread(third));
        assertEquals("1900", sinceId(), "since_id is the first page's newest_id");
        assertEquals(3, count(getRequestedFor(urlPathEqualTo(MENTIONS))));

        // A poll that finds nothing keeps since_id.
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("since_id", equalTo("1900"))
                .willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
        assertEquals(Result.POLLED, of(pollAll(now.plusSeconds(240)), SocialPlatform.X).result());
        assertEquals("1900", sinceId());
    }

    @Test
    void a429WaitsUntilTheResetAndOtherAccountsAreStillPolled() {
        connect(SocialPlatform.X, X_USER, "@PerpusBanjarbaru", X_TOKEN);
        connect(SocialPlatform.FACEBOOK, PAGE, "Perpustakaan Kota Banjarbaru", PAGE_TOKEN);
        Accounts.sql(db, "INSERT INTO conversation_poll (platform, account_id, since_id) VALUES ('X', ?, '1500')", X_USER);
        long reset = Instant.now().plusSeconds(60).getEpochSecond();
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-rate-limit-limit", "180")
                .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", Long.toString(reset))
                .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")));
        String mid = "m_" + id();
        String patron = id();
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/" + PAGE + "/conversations"))
                .willReturn(okJson(conversations(Instant.now(), mid, patron, "Siti Rahma", "Apakah besok buka?"))));

        Instant now = Instant.now();
        List<Outcome> outcomes = pollAll(now);
        assertEquals(Result.FAILED, of(outcomes, SocialPlatform.X).result());
        assertEquals(Result.POLLED, of(outcomes, SocialPlatform.FACEBOOK).result(), "X's rate limit does not stop Facebook");
        assertEquals(1, messages(mid));
        long waitUntil = Accounts.count(db, "SELECT extract(epoch FROM wait_until)::bigint FROM conversation_poll "
                + "WHERE platform = 'X'");
        assertTrue(Math.abs(waitUntil - reset) <= 2, "waits until x-rate-limit-reset: " + waitUntil + " vs " + reset);
        assertEquals("1500", sinceId(), "a failed poll keeps since_id");

        // Before the reset: no call to X at all.
        assertEquals(Result.SKIPPED, of(pollAll(now.plusSeconds(30)), SocialPlatform.X).result());
        assertEquals(1, count(getRequestedFor(urlPathEqualTo(MENTIONS))));

        // After it: polled again, since the same id.
        PlatformStandIns.server().resetRequests();
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(okJson("{\"meta\":{\"result_count\":0}}")
                .withHeader("x-rate-limit-remaining", "179")));
        assertEquals(Result.POLLED, of(pollAll(now.plusSeconds(90)), SocialPlatform.X).result());
        assertEquals(1, count(getRequestedFor(urlPathEqualTo(MENTIONS)).withQueryParam("since_id", equalTo("1500"))));
        assertNull(Accounts.text(db, "SELECT wait_until FROM conversation_poll WHERE platform = 'X'"));
    }

    @Test
    void noRemainingCallsStopsThePagingWithoutMovingSinceIdAndWaits() {
        connect(SocialPlatform.X, X_USER, "@PerpusBanjarbaru", X_TOKEN);
        Accounts.sql(db, "INSERT INTO conversation_poll (platform, account_id, since_id) VALUES ('X', ?, '1500')", X_USER);
        long reset = Instant.now().plusSeconds(300).getEpochSecond();
        String first = id();
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(okJson(page("2000", "1990", "next-page",
                mention(first, first, "1500000000000000001", "2026-12-04T05:00:00.000Z", "Halo")))
                .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", Long.toString(reset))));
        Instant now = Instant.now();
        Outcome x = of(pollAll(now), SocialPlatform.X);
        assertEquals(Result.POLLED, x.result());
        assertEquals(1, x.stored(), "what was read is kept");
        assertEquals("1500", sinceId(), "the unread pages are read again next time");
        assertEquals(1, count(getRequestedFor(urlPathEqualTo(MENTIONS))), "no call for the next page");
        assertEquals(Result.SKIPPED, of(pollAll(now.plusSeconds(200)), SocialPlatform.X).result());
        assertEquals(1, count(getRequestedFor(urlPathEqualTo(MENTIONS))));
    }

    @Test
    void aRefusedTokenMarksTheConnectionLikePublishing() {
        connect(SocialPlatform.X, X_USER, "@PerpusBanjarbaru", X_TOKEN);
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        assertEquals(Result.FAILED, of(pollAll(Instant.now()), SocialPlatform.X).result());
        assertEquals("NEEDS_RECONNECT", Accounts.text(db, "SELECT status FROM social_connection WHERE platform = 'X'"));
        assertEquals(Result.NOT_CONNECTED, of(pollAll(Instant.now().plusSeconds(600)), SocialPlatform.X).result());
        assertEquals(1, count(getRequestedFor(urlPathEqualTo(MENTIONS))));
    }

    @Test
    void twoInstancesPollingAtOnceCallXOnceAndStoreOnce() throws Exception {
        connect(SocialPlatform.X, X_USER, "@PerpusBanjarbaru", X_TOKEN);
        String m = id();
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(okJson(page("3000", "3000", null,
                mention(m, m, "1500000000000000001", "2026-12-04T06:00:00.000Z", "Halo dua instans")))
                .withFixedDelay(800)));
        Instant now = Instant.now();
        List<List<Outcome>> runs = Concurrently.twice(() -> polling.pollAll(now));
        List<Result> results = runs.stream().map(r -> of(r, SocialPlatform.X).result()).sorted().toList();
        assertEquals(List.of(Result.POLLED, Result.SKIPPED), results);
        assertEquals(1, count(getRequestedFor(urlPathEqualTo(MENTIONS))));
        assertEquals(1, messages(m));
        assertNull(Accounts.text(db, "SELECT claim FROM conversation_poll WHERE platform = 'X'"), "the lease is released");
    }

    @Test
    void xRepliesGoOutAsAReplyPost() {
        connect(SocialPlatform.X, X_USER, "@PerpusBanjarbaru", X_TOKEN);
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"Buka pukul 09.00, Kak.\",\"edit_history_tweet_ids\":[\"1445880548472328192\"]}}")));
        String sent = await(xReplies.send(new OutgoingReply(ConversationKind.MENTION, "1400000000000000000", X_USER,
                "1500000000000000001", "1400000000000000042", "Buka pukul 09.00, Kak.")));
        assertEquals("1445880548472328192", sent);
        PlatformStandIns.server().verify(1, postRequestedFor(urlEqualTo("/x/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer " + X_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text":"Buka pukul 09.00, Kak.","reply":{"in_reply_to_tweet_id":"1400000000000000042"}}""")));
        // Without a mention to answer, the reply goes under the conversation's first post.
        await(xReplies.send(new OutgoingReply(ConversationKind.MENTION, "1400000000000000000", X_USER,
                "1500000000000000001", null, "Terima kasih!")));
        PlatformStandIns.server().verify(1, postRequestedFor(urlEqualTo("/x/2/tweets")).withRequestBody(equalToJson("""
                {"text":"Terima kasih!","reply":{"in_reply_to_tweet_id":"1400000000000000000"}}""")));
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> uni);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Meta ---

    /** GET /{page-id}/conversations with fields messages{id,message,created_time,from}: one conversation. */
    static String conversations(Instant at, String mid, String sender, String name, String text) {
        String time = graphTime(at);
        return """
                {"data":[{"id":"t_%s","updated_time":"%s","messages":{"data":[
                  {"id":"m_own%s","message":"Halo, ada yang bisa kami bantu?","created_time":"%s","from":{"id":"%s","name":"Perpustakaan Kota Banjarbaru"}},
                  {"id":"%s","message":"%s","created_time":"%s","from":{"id":"%s","name":"%s","email":"%s@facebook.com"}}],
                  "paging":{"cursors":{"before":"QVFIU","after":"QVFIU"}}}}],
                 "paging":{"cursors":{"before":"QVFIUk","after":"QVFIUk"}}}"""
                .formatted(sender, time, sender, time, PAGE, mid, text, time, sender, name, sender);
    }

    static String graphTime(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+0000");
    }

    private long publishedVariant(SocialPlatform platform, String externalId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO post (content_type, status) VALUES ('ANNOUNCEMENT', 'PUBLISHED') RETURNING id")) {
            ResultSet rs = st.executeQuery();
            rs.next();
            long post = rs.getLong(1);
            Accounts.sql(db, "INSERT INTO post_variant (post_id, platform, text, published_at, external_id) "
                    + "VALUES (?, ?, 'Bedah buku Sabtu ini', now(), ?)", post, platform.name(), externalId);
            return post;
        }
    }

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFacebookCommentDeliveredByWebhookAndPolledIsStoredOnce() throws Exception {
        connect(SocialPlatform.FACEBOOK, PAGE, "Perpustakaan Kota Banjarbaru", PAGE_TOKEN);
        String postId = PAGE + "_" + id();
        publishedVariant(SocialPlatform.FACEBOOK, postId);
        String root = postId.substring(PAGE.length() + 1) + "_" + id();
        String reply = postId.substring(PAGE.length() + 1) + "_" + id();
        String own = postId.substring(PAGE.length() + 1) + "_" + id();
        String patron = id();
        String otherPatron = other(patron, 1);
        Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        // The webhook brings the root comment ...
        String delivery = """
                {"object":"page","entry":[{"id":"%s","time":%d,"changes":[{"field":"feed","value":{
                  "from":{"id":"%s","name":"Siti Rahma"},"post":{"id":"%s","status_type":"added_photos","is_published":true},
                  "message":"Masih bisa daftar?","post_id":"%s","comment_id":"%s","created_time":%d,"item":"comment",
                  "parent_id":"%s","verb":"add"}}]}]}""".formatted(PAGE, at.getEpochSecond(), patron, postId, postId, root,
                at.getEpochSecond(), postId);
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(delivery))
                .body(delivery.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/meta").then().statusCode(200)
                .body("stored", equalTo(1));

        // ... and the poll finds it again, with a reply whose webhook was missed and the Page's own answer.
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/" + postId + "/comments"))
                .withQueryParam("access_token", equalTo(PAGE_TOKEN)).withQueryParam("filter", equalTo("stream"))
                .willReturn(okJson("""
                        {"data":[
                          {"id":"%s","message":"Masih, Kak!","created_time":"%s","from":{"id":"%s","name":"Perpustakaan Kota Banjarbaru"},"parent":{"id":"%s"}},
                          {"id":"%s","message":"Saya juga mau ikut","created_time":"%s","from":{"id":"%s","name":"Budi"},"parent":{"id":"%s"}},
                          {"id":"%s","message":"Masih bisa daftar?","created_time":"%s","from":{"id":"%s","name":"Siti Rahma"}}],
                         "paging":{"cursors":{"before":"WTI5d","after":"WTI5d"}}}"""
                        .formatted(own, graphTime(at.plusSeconds(30)), PAGE, root, reply, graphTime(at.plusSeconds(20)),
                                otherPatron, root, root, graphTime(at), patron))));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/" + PAGE + "/conversations"))
                .willReturn(okJson("{\"data\":[]}")));

        Outcome facebook = of(pollAll(Instant.now()), SocialPlatform.FACEBOOK);
        assertEquals(Result.POLLED, facebook.result(), facebook.toString());
        assertEquals(2, facebook.received(), "the Page's own comment is left out");
        assertEquals(1, facebook.stored(), "the comment the webhook delivered is not stored again");
        assertEquals(1, messages(root));
        assertEquals(1, messages(reply));
        assertEquals(0, messages(own));
        assertEquals(thread(root), thread(reply), "the polled reply joins its parent's thread");
        assertEquals("FACEBOOK|COMMENT|" + root + "|" + patron + "|Siti Rahma|" + postId, thread(root));
        var asked = PlatformStandIns.server().findAll(getRequestedFor(urlPathEqualTo(GRAPH + "/" + postId + "/comments"))).get(0);
        assertEquals("reverse_chronological", asked.queryParameter("order").firstValue());
        long since = Long.parseLong(asked.queryParameter("since").firstValue());
        assertTrue(Math.abs(since - Instant.now().minus(Duration.ofHours(24)).getEpochSecond()) < 60,
                "the first poll reads a day back: " + since);
        assertEquals("messenger", PlatformStandIns.server().findAll(getRequestedFor(urlPathEqualTo(GRAPH + "/" + PAGE
                + "/conversations"))).get(0).queryParameter("platform").firstValue());

        // Polling again adds nothing, and reads since the last poll (less the overlap).
        PlatformStandIns.server().resetRequests();
        Instant later = Instant.now().plusSeconds(3600);
        assertEquals(0, of(pollAll(later), SocialPlatform.FACEBOOK).stored());
        asked = PlatformStandIns.server().findAll(getRequestedFor(urlPathEqualTo(GRAPH + "/" + postId + "/comments"))).get(0);
        since = Long.parseLong(asked.queryParameter("since").firstValue());
        assertTrue(Math.abs(since - Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond()) < 60,
                "since the last poll's start less 10 minutes: " + since);
    }

    @Test
    void instagramCommentsRepliesAndMessagesArePolled() throws Exception {
        connect(SocialPlatform.INSTAGRAM, IG, "perpuskotabjb", PAGE_TOKEN);
        String media = "1" + id().substring(1);
        publishedVariant(SocialPlatform.INSTAGRAM, media);
        String comment = id();
        String reply = id();
        String old = id();
        String mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3" + id();
        String patron = id();
        Instant at = Instant.now().minusSeconds(120);
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/" + media + "/comments"))
                .withQueryParam("access_token", equalTo(PAGE_TOKEN)).willReturn(okJson("""
                        {"data":[
                          {"id":"%s","text":"Keren!","timestamp":"%s","from":{"id":"%s","username":"siti.rahma"},
                           "replies":{"data":[{"id":"%s","text":"Setuju","timestamp":"%s","from":{"id":"%s","username":"budi"}}]}},
                          {"id":"%s","text":"Lama sekali","timestamp":"2026-01-01T00:00:00+0000","from":{"id":"%s","username":"lama"}}]}"""
                        .formatted(comment, graphTime(at), patron, reply, graphTime(at.plusSeconds(5)), other(patron, 1),
                                old, other(patron, 2)))));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/me/conversations"))
                .withQueryParam("platform", equalTo("instagram")).willReturn(okJson("""
                        {"data":[{"id":"aWdfZAG06","updated_time":"%s","messages":{"data":[
                          {"id":"%s","message":"Apakah ada buku anak?","created_time":"%s","from":{"id":"%s","username":"siti.rahma"}},
                          {"id":"own-%s","message":"Ada, Kak","created_time":"%s","from":{"id":"%s","username":"perpuskotabjb"}}]}}]}"""
                        .formatted(graphTime(at), mid, graphTime(at), patron, mid, graphTime(at), IG))));

        Outcome instagram = of(pollAll(Instant.now()), SocialPlatform.INSTAGRAM);
        assertEquals(Result.POLLED, instagram.result(), instagram.toString());
        assertEquals(3, instagram.stored(), "the comment, its reply and the message; not the old comment nor our own");
        assertEquals("INSTAGRAM|COMMENT|" + comment + "|" + patron + "|siti.rahma|" + media, thread(comment));
        assertEquals(thread(comment), thread(reply));
        assertEquals(0, messages(old));
        assertEquals("INSTAGRAM|DIRECT|" + patron + "|" + patron + "|siti.rahma|-", thread(mid));
    }
}
