package id.serambi.social.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import id.serambi.social.GrantedAccount;
import id.serambi.social.MediaRules;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PostMetrics;
import id.serambi.social.PublishFailure;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialPlatform;
import id.serambi.support.PlatformStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The X provider against a stand-in answering with the X API v2's documented request and response shapes. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class XProviderTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final GrantedAccount ACCOUNT = new GrantedAccount(SocialPlatform.X, "2244994945", "@PerpusBanjarbaru",
            "access-token-1", "refresh-token-1", Instant.now().plusSeconds(7200));

    @Inject
    XProvider x;

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static PublishFailure failure(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(PublishFailure.class, call);
    }

    @Test
    void platformAndMediaRules() {
        assertEquals(SocialPlatform.X, x.platform());
        assertSame(MediaRules.X, x.mediaRules());
    }

    @Test
    void authorizationUrlAsksForTheScopesWithPkceS256() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = x.authorizationUrl("state-123", challenge, "https://serambi.example/api/social/x/callback");

        assertTrue(url.startsWith(PlatformStandIns.baseUrl() + "/x-authorize/i/oauth2/authorize?"), url);
        Map<String, String> q = query(url);
        assertEquals("code", q.get("response_type"));
        assertEquals("test-x-client", q.get("client_id"));
        assertEquals("https://serambi.example/api/social/x/callback", q.get("redirect_uri"));
        assertEquals("state-123", q.get("state"));
        assertEquals(challenge, q.get("code_challenge"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(java.util.Set.of("tweet.read", "tweet.write", "users.read", "offline.access", "media.write"),
                java.util.Set.of(q.get("scope").split(" ")));
        assertFalse(url.contains("test-x-secret"));
        assertFalse(url.contains("+"));
    }

    @Test
    void exchangeSendsTheCodeAndVerifierWithBasicAuthAndReadsTheAccount() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/oauth2/token")).willReturn(okJson("""
                {"token_type":"bearer","expires_in":7200,"access_token":"new-access","scope":"tweet.read tweet.write users.read offline.access media.write","refresh_token":"new-refresh"}""")));
        PlatformStandIns.server().stubFor(get(urlEqualTo("/x/2/users/me")).withHeader("Authorization",
                equalTo("Bearer new-access")).willReturn(okJson("""
                        {"data":{"id":"2244994945","name":"Perpustakaan Kota Banjarbaru","username":"PerpusBanjarbaru"}}""")));

        Instant before = Instant.now();
        List<GrantedAccount> accounts = x.exchange("the-code", "the-verifier", "https://serambi.example/cb")
                .await().atMost(WAIT);

        assertEquals(1, accounts.size());
        GrantedAccount a = accounts.get(0);
        assertEquals(SocialPlatform.X, a.platform());
        assertEquals("2244994945", a.externalId());
        assertEquals("@PerpusBanjarbaru", a.name());
        assertEquals("new-access", a.accessToken());
        assertEquals("new-refresh", a.refreshToken());
        assertTrue(!a.expiresAt().isBefore(before.plusSeconds(7190)) && !a.expiresAt().isAfter(Instant.now().plusSeconds(7200)));
        assertFalse(a.toString().contains("new-access") || a.toString().contains("new-refresh"));

        LoggedRequest token = PlatformStandIns.server().findAll(postRequestedFor(urlEqualTo("/x/2/oauth2/token"))).get(0);
        assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                "test-x-client:test-x-secret".getBytes(StandardCharsets.UTF_8)), token.getHeader("Authorization"));
        assertEquals(Map.of("grant_type", "authorization_code", "code", "the-code", "code_verifier", "the-verifier",
                "redirect_uri", "https://serambi.example/cb"), form(token));
    }

    @Test
    void aRefusedCodeIsPermanent() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}""")));

        PublishFailure f = failure(() -> x.exchange("bad", "v", "https://serambi.example/cb").await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.PERMANENT, f.kind());
        assertTrue(f.getMessage().contains("authorization code was invalid"), f.getMessage());
    }

    @Test
    void refreshReturnsTheRotatedRefreshToken() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/oauth2/token")).willReturn(okJson("""
                {"token_type":"bearer","expires_in":7200,"access_token":"access-2","scope":"tweet.read tweet.write users.read offline.access media.write","refresh_token":"refresh-2"}""")));

        GrantedAccount renewed = x.refresh(ACCOUNT).await().atMost(WAIT);

        assertEquals("access-2", renewed.accessToken());
        assertEquals("refresh-2", renewed.refreshToken());
        assertEquals(ACCOUNT.externalId(), renewed.externalId());
        assertEquals(ACCOUNT.name(), renewed.name());
        assertTrue(renewed.expiresAt().isAfter(Instant.now().plusSeconds(7100)));
        LoggedRequest token = PlatformStandIns.server().findAll(postRequestedFor(urlEqualTo("/x/2/oauth2/token"))).get(0);
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "refresh-token-1"), form(token));
        assertTrue(token.getHeader("Authorization").startsWith("Basic "));
    }

    @Test
    void aRevokedRefreshTokenIsTokenInvalid() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":"invalid_request","error_description":"Value passed for the token was invalid."}""")));

        assertEquals(PublishFailure.Kind.TOKEN_INVALID, failure(() -> x.refresh(ACCOUNT).await().atMost(WAIT)).kind());
    }

    @Test
    void verifyIsNotForX() {
        assertEquals(PublishFailure.Kind.PERMANENT, failure(() -> x.verify("anything").await().atMost(WAIT)).kind());
    }

    @Test
    void publishesText() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).withHeader("Authorization",
                equalTo("Bearer access-token-1")).willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"data":{"id":"1445880548472328192","text":"Hari ini di perpustakaan #Banjarbaru"}}""")));

        PublishedPost published = x.publish(ACCOUNT, new OutgoingPost("Hari ini di perpustakaan #Banjarbaru", List.of()))
                .await().atMost(WAIT);

        assertEquals("1445880548472328192", published.externalId());
        assertEquals("https://x.com/PerpusBanjarbaru/status/1445880548472328192", published.permalink());
        PlatformStandIns.server().verify(postRequestedFor(urlEqualTo("/x/2/tweets"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"text\":\"Hari ini di perpustakaan #Banjarbaru\"}")));
    }

    @Test
    void publishesWithAnUploadedImage() {
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, (byte) 0xFF, (byte) 0xD9 };
        MediaItem image = new MediaItem(7, MediaKind.IMAGE, "image/jpeg", "rak-buku.jpg", jpeg.length, 1200, 675, null,
                "https://serambi.example/media/abc.jpg");
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/media/upload")).willReturn(okJson("""
                {"data":{"id":"1880028106020515840","media_key":"3_1880028106020515840","size":9,"expires_after_secs":86400,
                 "image":{"image_type":"image/jpeg","w":1200,"h":675}}}""")));
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"data":{"id":"1445880548472328193","text":"Rak baru"}}""")));

        PublishedPost published = x.publish(ACCOUNT, "Rak baru", List.of(new XProvider.Upload(image, jpeg)))
                .await().atMost(WAIT);

        assertEquals("1445880548472328193", published.externalId());
        LoggedRequest upload = PlatformStandIns.server().findAll(postRequestedFor(urlEqualTo("/x/2/media/upload"))).get(0);
        assertTrue(upload.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
        assertEquals("Bearer access-token-1", upload.getHeader("Authorization"));
        assertArrayEquals(jpeg, upload.getPart("media").getBody().asBytes());
        assertEquals("tweet_image", upload.getPart("media_category").getBody().asString());
        PlatformStandIns.server().verify(postRequestedFor(urlEqualTo("/x/2/tweets")).withRequestBody(equalToJson(
                "{\"text\":\"Rak baru\",\"media\":{\"media_ids\":[\"1880028106020515840\"]}}")));
    }

    @Test
    void uploadsAVideoInChunksAndWaitsForProcessing() {
        byte[] mp4 = new byte[XProvider.CHUNK_BYTES + 1000];
        for (int i = 0; i < mp4.length; i++) {
            mp4[i] = (byte) (i % 251);
        }
        MediaItem video = new MediaItem(8, MediaKind.VIDEO, "video/mp4", "tur.mp4", mp4.length, 1280, 720, 30_000L,
                "https://serambi.example/media/tur.mp4");
        var server = PlatformStandIns.server();
        server.stubFor(post(urlEqualTo("/x/2/media/upload/initialize")).willReturn(okJson("""
                {"data":{"id":"1880028106020515841","media_key":"13_1880028106020515841","expires_after_secs":1295999}}""")));
        server.stubFor(post(urlEqualTo("/x/2/media/upload/1880028106020515841/append")).willReturn(okJson("""
                {"data":{"expires_at":1738018800}}""")));
        server.stubFor(post(urlEqualTo("/x/2/media/upload/1880028106020515841/finalize")).willReturn(okJson("""
                {"data":{"id":"1880028106020515841","media_key":"13_1880028106020515841","size":%d,"expires_after_secs":86400,
                 "processing_info":{"state":"pending","check_after_secs":1}}}""".formatted(mp4.length))));
        server.stubFor(get(urlPathEqualTo("/x/2/media/upload")).inScenario("processing")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done").willReturn(okJson("""
                        {"data":{"id":"1880028106020515841","media_key":"13_1880028106020515841",
                         "processing_info":{"state":"in_progress","check_after_secs":1,"progress_percent":40}}}""")));
        server.stubFor(get(urlPathEqualTo("/x/2/media/upload")).inScenario("processing").whenScenarioStateIs("done")
                .willReturn(okJson("""
                        {"data":{"id":"1880028106020515841","media_key":"13_1880028106020515841",
                         "processing_info":{"state":"succeeded","progress_percent":100}}}""")));
        server.stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"data":{"id":"1445880548472328194","text":"Tur perpustakaan"}}""")));

        PublishedPost published = x.publish(ACCOUNT, "Tur perpustakaan", List.of(new XProvider.Upload(video, mp4)))
                .await().atMost(WAIT);

        assertEquals("1445880548472328194", published.externalId());
        server.verify(postRequestedFor(urlEqualTo("/x/2/media/upload/initialize")).withRequestBody(equalToJson("""
                {"media_type":"video/mp4","total_bytes":%d,"media_category":"tweet_video"}""".formatted(mp4.length))));
        List<LoggedRequest> appends = server.findAll(postRequestedFor(urlEqualTo(
                "/x/2/media/upload/1880028106020515841/append")));
        assertEquals(2, appends.size());
        assertEquals("0", appends.get(0).getPart("segment_index").getBody().asString());
        assertEquals("1", appends.get(1).getPart("segment_index").getBody().asString());
        byte[] sent = new byte[mp4.length];
        byte[] first = appends.get(0).getPart("media").getBody().asBytes();
        byte[] second = appends.get(1).getPart("media").getBody().asBytes();
        System.arraycopy(first, 0, sent, 0, first.length);
        System.arraycopy(second, 0, sent, first.length, second.length);
        assertEquals(mp4.length, first.length + second.length);
        assertArrayEquals(mp4, sent);
        server.verify(1, postRequestedFor(urlEqualTo("/x/2/media/upload/1880028106020515841/finalize")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/x/2/media/upload")).withQueryParam("command", equalTo("STATUS"))
                .withQueryParam("media_id", equalTo("1880028106020515841")));
        server.verify(postRequestedFor(urlEqualTo("/x/2/tweets")).withRequestBody(equalToJson(
                "{\"text\":\"Tur perpustakaan\",\"media\":{\"media_ids\":[\"1880028106020515841\"]}}")));
    }

    @Test
    void aVideoXCannotProcessIsPermanent() {
        byte[] mp4 = new byte[100];
        MediaItem video = new MediaItem(9, MediaKind.VIDEO, "video/mp4", "rusak.mp4", mp4.length, 1280, 720, 3_000L,
                "https://serambi.example/media/rusak.mp4");
        var server = PlatformStandIns.server();
        server.stubFor(post(urlEqualTo("/x/2/media/upload/initialize")).willReturn(okJson("""
                {"data":{"id":"55","media_key":"13_55","expires_after_secs":1295999}}""")));
        server.stubFor(post(urlEqualTo("/x/2/media/upload/55/append")).willReturn(okJson("{\"data\":{}}")));
        server.stubFor(post(urlEqualTo("/x/2/media/upload/55/finalize")).willReturn(okJson("""
                {"data":{"id":"55","processing_info":{"state":"failed","progress_percent":12,
                 "error":{"code":1,"name":"InvalidMedia","message":"Unsupported video format"}}}}""")));

        PublishFailure f = failure(() -> x.publish(ACCOUNT, "x", List.of(new XProvider.Upload(video, mp4))).await()
                .atMost(WAIT));
        assertEquals(PublishFailure.Kind.PERMANENT, f.kind());
        assertTrue(f.getMessage().contains("Unsupported video format"), f.getMessage());
        server.verify(0, postRequestedFor(urlEqualTo("/x/2/tweets")));
    }

    @Test
    void anExpiredTokenIsTokenInvalid() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""")));

        PublishFailure f = failure(() -> x.publish(ACCOUNT, new OutgoingPost("halo", List.of())).await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.TOKEN_INVALID, f.kind());
        assertEquals(401, f.httpStatus());
        assertFalse(f.getMessage().contains("access-token-1"));
    }

    @Test
    void aRateLimitIsTemporaryUntilTheReset() {
        long reset = Instant.now().plusSeconds(900).getEpochSecond();
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-rate-limit-limit", "100")
                .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", String.valueOf(reset))
                .withBody("""
                        {"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""")));

        PublishFailure f = failure(() -> x.publish(ACCOUNT, new OutgoingPost("halo", List.of())).await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.TEMPORARY, f.kind());
        assertEquals(429, f.httpStatus());
        assertTrue(f.retryAfter().getSeconds() >= 880 && f.retryAfter().getSeconds() <= 900, f.retryAfter().toString());
    }

    @Test
    void aServerErrorIsTemporary() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}""")));

        PublishFailure f = failure(() -> x.publish(ACCOUNT, new OutgoingPost("halo", List.of())).await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.TEMPORARY, f.kind());
        assertEquals(503, f.httpStatus());
    }

    @Test
    void duplicateContentIsPermanentWithXsDetail() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""")));

        PublishFailure f = failure(() -> x.publish(ACCOUNT, new OutgoingPost("halo", List.of())).await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.PERMANENT, f.kind());
        assertEquals(403, f.httpStatus());
        assertEquals("You are not allowed to create a Tweet with duplicate content.", f.getMessage());
    }

    @Test
    void aSlowAnswerIsTemporary() {
        PlatformStandIns.server().stubFor(post(urlEqualTo("/x/2/tweets")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(4000).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"1\",\"text\":\"halo\"}}")));

        long start = System.nanoTime();
        PublishFailure f = failure(() -> x.publish(ACCOUNT, new OutgoingPost("halo", List.of())).await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.TEMPORARY, f.kind());
        assertNull(f.httpStatus());
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // The stand-in answers 201 after 4 s: a TEMPORARY failure without a status is the 2 s timeout cutting it off.
        assertTrue(ms >= 1900, ms + " ms");
    }

    @Test
    void readsPublicMetrics() {
        PlatformStandIns.server().stubFor(get(urlEqualTo("/x/2/tweets/1445880548472328192?tweet.fields=public_metrics"))
                .withHeader("Authorization", equalTo("Bearer access-token-1")).willReturn(okJson("""
                        {"data":{"id":"1445880548472328192","text":"Hari ini di perpustakaan","edit_history_tweet_ids":["1445880548472328192"],
                         "public_metrics":{"retweet_count":4,"reply_count":3,"like_count":25,"quote_count":1,"bookmark_count":2,"impression_count":1520}}}""")));

        PostMetrics m = x.metrics(ACCOUNT, "1445880548472328192").await().atMost(WAIT);

        assertEquals(new PostMetrics(1520L, null, 25L, 3L, 5L, 2L, null, null), m);
    }

    @Test
    void metricsOfADeletedPostArePermanent() {
        PlatformStandIns.server().stubFor(get(urlPathEqualTo("/x/2/tweets/99")).withQueryParam("tweet.fields",
                matching("public_metrics")).withHeader("Authorization", containing("Bearer")).willReturn(okJson("""
                        {"errors":[{"value":"99","detail":"Could not find tweet with id: [99].","title":"Not Found Error",
                         "resource_type":"tweet","parameter":"id","resource_id":"99","type":"https://api.twitter.com/2/problems/resource-not-found"}]}""")));

        PublishFailure f = failure(() -> x.metrics(ACCOUNT, "99").await().atMost(WAIT));
        assertEquals(PublishFailure.Kind.PERMANENT, f.kind());
        assertTrue(f.getMessage().contains("Could not find tweet with id"), f.getMessage());
        PlatformStandIns.server().verify(getRequestedFor(urlPathEqualTo("/x/2/tweets/99")).withHeader("Content-Type",
                absent()));
    }
}
