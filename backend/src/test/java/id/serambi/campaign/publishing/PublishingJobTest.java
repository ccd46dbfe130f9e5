package id.serambi.campaign.publishing;

import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.notification.NotificationKind;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialPlatform;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §3: scheduled variants go out at their time, exactly once, through the social facade (scripted here: see
 * {@link ScriptedSocialAccounts}), with retries, permanent failures, reminders, "missed" and "check needed".
 * The tests run the job themselves ({@code serambi.campaigns.publish-every=off} in tests).
 */
@QuarkusTest
@TestProfile(PublishingProfile.class)
class PublishingJobTest {

    @Inject
    AgroalDataSource db;

    @Inject
    PublishingJob job;

    @Inject
    ScriptedSocialAccounts social;

    @Inject
    RecordingNotifications notifications;

    String staff;
    String reviewer;

    @BeforeEach
    void setUp() {
        social.reset();
        staff = Accounts.tokenFor(db, "STAFF");
        reviewer = Accounts.tokenFor(db, "REVIEWER");
    }

    @AfterEach
    void settle() {
        // Nothing a test left due should be taken by the next one's runs.
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'FAILED' WHERE delivery IN ('SCHEDULED', 'RETRY_WAIT', 'PUBLISHING', 'MISSED') "
                + "AND scheduled_at < now() + interval '1 hour'");
        Accounts.sql(db, "UPDATE publish_attempt SET finished_at = now(), outcome = 'INTERRUPTED' WHERE finished_at IS NULL");
    }

    // --- Scheduling ---

    @Test
    void aPostIsScheduledAtLeastFiveMinutesAfterItsApprovalAndNotInThePast() {
        String in2 = Instant.now().plus(Duration.ofMinutes(2)).toString();
        long id = approved(post(variant("FACEBOOK", "Terlalu cepat " + marker(), in2)));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then(), 409, "schedule-too-early")
                .body("errors[0].field", equalTo("variants[0].scheduledAt"))
                .body("errors[0].message", containsString("5 minutes after the approval"));
        assertEquals("APPROVED", string("SELECT status FROM post WHERE id = ?", id));
        assertEquals("NONE", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));

        // Approved long ago, but the time has passed meanwhile.
        Accounts.sql(db, "UPDATE post SET reviewed_at = now() - interval '1 day' WHERE id = ?", id);
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() - interval '1 minute' WHERE post_id = ?", id);
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then(), 409, "schedule-too-early")
                .body("errors[0].message", containsString("in the past"));

        // Six minutes after the approval: scheduled, the manual variant too.
        Accounts.sql(db, "UPDATE post SET reviewed_at = now() WHERE id = ?", id);
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() + interval '6 minutes', manual = true WHERE post_id = ?", id);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("variants[0].delivery", equalTo("SCHEDULED"))
                .body("variants[0].manual", equalTo(true));
    }

    @Test
    void theManualToggleIsSavedWithTheVariant() {
        Map<String, Object> v = variant("X", "Unggah sendiri " + marker(), null);
        v.put("manual", true);
        long id = CampaignFixtures.createPost(staff, post(v, variant("FACEBOOK", "Otomatis " + marker(), null)));
        given().auth().oauth2(staff).get("/api/posts/" + id).then().statusCode(200)
                .body("variants.find { it.platform == 'X' }.manual", equalTo(true))
                .body("variants.find { it.platform == 'FACEBOOK' }.manual", equalTo(false))
                .body("variants[0].delivery", equalTo("NONE"));
    }

    // --- Publishing ---

    @Test
    void aDueFacebookVariantGoesOutOnceWithItsIdAndPermalink() {
        social.connect(SocialPlatform.FACEBOOK);
        String m = marker();
        long id = dueNow(post(variant("FACEBOOK", "Klub buku malam ini " + m, null)));

        run();
        assertEquals(1, social.callsWith(m).size());
        assertTrue(social.callsWith(m).get(0).endsWith("Klub buku malam ini " + m + "\n\n#WaspadaHoaks #LiterasiDigital"),
                "the post's hashtags go with the text: " + social.callsWith(m));
        assertEquals("PUBLISHED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        String externalId = string("SELECT external_id FROM post_variant WHERE post_id = ?", id);
        assertTrue(externalId.startsWith("123456789_"));
        assertEquals("https://www.facebook.com/123456789/posts/" + externalId.substring(10),
                string("SELECT published_url FROM post_variant WHERE post_id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ? AND published_at IS NOT NULL AND attempts = 1", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id "
                + "WHERE v.post_id = ? AND a.outcome = 'PUBLISHED' AND a.finished_at IS NOT NULL AND a.instance <> ''", id));
        assertEquals("PUBLISHED", string("SELECT status FROM post WHERE id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ? AND to_status = 'PUBLISHED' AND actor_id IS NULL", id));
        assertEquals(List.of(NotificationKind.POST_PUBLISHED), kinds(id));

        run();
        assertEquals(1, social.callsWith(m).size(), "published once");
        given().auth().oauth2(staff).get("/api/posts/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("variants[0].delivery", equalTo("PUBLISHED"))
                .body("variants[0].externalId", equalTo(externalId))
                .body("variants[0].attempts", equalTo(1));
    }

    @Test
    void aVariantNotYetDueIsNotTouched() {
        social.connect(SocialPlatform.FACEBOOK);
        String m = marker();
        long id = scheduled(post(variant("FACEBOOK", "Besok " + m, Instant.now().plus(Duration.ofMinutes(10)).toString())));
        run();
        assertEquals(0, social.callsWith(m).size());
        assertEquals("SCHEDULED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id WHERE v.post_id = ?", id));
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackOffHonouringRetryAfterThenPublished() {
        social.connect(SocialPlatform.FACEBOOK);
        String m = marker();
        social.failNext(m, new PublishFailure(PublishFailure.Kind.TEMPORARY, "Service temporarily unavailable", 503, null),
                new PublishFailure(PublishFailure.Kind.TEMPORARY, "(#4) Application request limit reached", 429,
                        Duration.ofMinutes(10)));
        long id = dueNow(post(variant("FACEBOOK", "Coba lagi " + m, null)));

        run();
        assertEquals("RETRY_WAIT", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals("Service temporarily unavailable", string("SELECT last_error FROM post_variant WHERE post_id = ?", id));
        // The first wait is the back-off (30 s).
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ? AND next_attempt_at "
                + "BETWEEN now() + interval '20 seconds' AND now() + interval '40 seconds'", id));
        run();
        assertEquals(1, social.callsWith(m).size(), "not again before its time");

        Accounts.sql(db, "UPDATE post_variant SET next_attempt_at = now() WHERE post_id = ?", id);
        run();
        assertEquals(2, social.callsWith(m).size());
        assertEquals("RETRY_WAIT", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        // 429: the platform's ten minutes, longer than the back-off.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ? AND next_attempt_at "
                + "BETWEEN now() + interval '9 minutes' AND now() + interval '11 minutes'", id));

        Accounts.sql(db, "UPDATE post_variant SET next_attempt_at = now() WHERE post_id = ?", id);
        run();
        assertEquals(3, social.callsWith(m).size());
        assertEquals("PUBLISHED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertEquals(3, Accounts.count(db, "SELECT attempts FROM post_variant WHERE post_id = ?", id));
        assertEquals("TEMPORARY,TEMPORARY,PUBLISHED", string("SELECT string_agg(a.outcome || '', ',' ORDER BY a.id) FROM publish_attempt a "
                + "JOIN post_variant v ON v.id = a.variant_id WHERE v.post_id = ?", id));
        assertEquals("429", string("SELECT a.http_status || '' FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id "
                + "WHERE v.post_id = ? AND a.message LIKE '(#4)%'", id));
    }

    @Test
    void aTemporaryFailurePastTheRetryWindowFails() {
        social.connect(SocialPlatform.FACEBOOK);
        String m = marker();
        social.failNext(m, new PublishFailure(PublishFailure.Kind.TEMPORARY, "Timeout", null, null));
        long id = dueNow(post(variant("FACEBOOK", "Jendela habis " + m, null)));
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() - interval '2 hours' WHERE post_id = ?", id);
        run();
        assertEquals("FAILED", string("SELECT delivery FROM post_variant WHERE post_id = ?", id));
        assertTrue(string("SELECT last_error FROM post_variant WHERE post_id = ?", id).contains("Timeout"));
    }

    @Test
    void aPermanentFailureIsFinalWithThePlatformsMessageAndVariantsAreIndependent() {
        social.connect(SocialPlatform.FACEBOOK);
        social.connect(SocialPlatform.X);
        String m = marker();
        String refusal = "(#368) The action attempted has been deemed abusive or is otherwise disallowed";
        social.failNext("Facebook " + m, new PublishFailure(PublishFailure.Kind.PERMANENT, refusal, 400, null));
        long id = dueNow(post(variant("FACEBOOK", "Facebook " + m, null), variant("X", "X " + m, null)));

        run();
        assertEquals("FAILED", delivery(id, "FACEBOOK"));
        assertEquals(refusal, string("SELECT last_error FROM post_variant WHERE post_id = ? AND platform = 'FACEBOOK'", id));
        assertEquals("PUBLISHED", delivery(id, "X"));
        assertEquals("SCHEDULED", string("SELECT status FROM post WHERE id = ?", id), "not all out yet");
        assertTrue(kinds(id).containsAll(List.of(NotificationKind.POST_FAILED, NotificationKind.POST_PUBLISHED)));
        assertTrue(notifications.about(id).stream().anyMatch(s -> s.notice().kind() == NotificationKind.POST_FAILED
                && s.notice().body().contains(refusal) && s.to().equals("[" + authorOf(id) + "]")));

        run();
        assertEquals(2, social.callsWith(m).size(), "a failed variant is not sent again by itself");

        // Staff posted it by hand: marked published, the post is out.
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("url", "https://www.facebook.com/perpus/posts/" + m))
                .post("/api/posts/" + id + "/variants/FACEBOOK/published").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("variants.find { it.platform == 'FACEBOOK' }.delivery", equalTo("PUBLISHED"))
                .body("variants.find { it.platform == 'FACEBOOK' }.publishedUrl", equalTo("https://www.facebook.com/perpus/posts/" + m));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ? AND to_status = 'PUBLISHED' AND actor_id IS NOT NULL", id));
    }

    @Test
    void aPlatformNotConnectedOrAManualVariantBecomesAReminderForItsAuthor() {
        social.connect(SocialPlatform.FACEBOOK);
        String m = marker();
        Map<String, Object> manual = variant("FACEBOOK", "Facebook manual " + m, null);
        manual.put("manual", true);
        long id = dueNow(post(manual, variant("INSTAGRAM", "Instagram " + m, null)));

        run();
        assertEquals(0, social.callsWith(m).size(), "no platform call in reminder mode");
        assertEquals("MANUAL_DUE", delivery(id, "FACEBOOK"));
        assertEquals("MANUAL_DUE", delivery(id, "INSTAGRAM"));
        List<RecordingNotifications.Sent> sent = notifications.about(id);
        assertEquals(2, sent.size());
        assertTrue(sent.stream().allMatch(s -> s.notice().kind() == NotificationKind.POST_DUE_MANUAL
                && s.to().equals("[" + authorOf(id) + "]") && s.notice().link().equals("/staf/konten/" + id)));
        assertTrue(sent.stream().anyMatch(s -> s.notice().body().contains("Instagram " + m)
                && s.notice().body().contains("https://serambi.test/media/cek-fakta.png")), "the text and media in it");

        run();
        assertEquals(2, notifications.about(id).size(), "reminded once");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("url", "https://www.instagram.com/p/" + m + "/"))
                .post("/api/posts/" + id + "/variants/INSTAGRAM/published").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("variants.find { it.platform == 'INSTAGRAM' }.delivery", equalTo("PUBLISHED"));
    }

    @Test
    void aVariantThirtyMinutesOverdueIsMissedOnceAndItsAuthorAndTheReviewersAreTold() {
        String m = marker();
        long id = dueNow(post(variant("X", "Terlewat " + m, null)));
        run(); // not connected: a reminder
        assertEquals("MANUAL_DUE", delivery(id, "X"));
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() - interval '31 minutes' WHERE post_id = ?", id);
        run();
        assertEquals("MISSED", delivery(id, "X"));
        run();
        List<RecordingNotifications.Sent> missed = notifications.about(id).stream()
                .filter(s -> s.notice().kind() == NotificationKind.POST_MISSED).toList();
        assertEquals(List.of("[" + authorOf(id) + "]", "REVIEWER"), missed.stream().map(RecordingNotifications.Sent::to).toList(),
                "once, to the author and the reviewers");
        given().auth().oauth2(staff).get("/api/posts/" + id).then().body("variants[0].delivery", equalTo("MISSED"));
    }

    @Test
    void anAttemptCutOffByACrashIsCheckNeededAndNeverSentAgainBlindly() {
        social.connect(SocialPlatform.FACEBOOK);
        String m = marker();
        long id = dueNow(post(variant("FACEBOOK", "Terputus " + m, null)));
        // An instance claimed it six minutes ago and died before recording the answer.
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'PUBLISHING', attempts = 1 WHERE post_id = ?", id);
        Accounts.sql(db, "INSERT INTO publish_attempt (variant_id, instance, started_at) SELECT id, 'dead-instance', "
                + "now() - interval '6 minutes' FROM post_variant WHERE post_id = ?", id);

        run();
        assertEquals(0, social.callsWith(m).size(), "not re-sent");
        assertEquals("CHECK_NEEDED", delivery(id, "FACEBOOK"));
        assertEquals("INTERRUPTED", string("SELECT a.outcome FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id WHERE v.post_id = ?", id));
        assertEquals(List.of("[" + authorOf(id) + "]", "ADMIN"), notifications.about(id).stream()
                .filter(s -> s.notice().kind() == NotificationKind.POST_CHECK_NEEDED).map(RecordingNotifications.Sent::to).toList());
        run();
        assertEquals(0, social.callsWith(m).size(), "still not re-sent");

        // A fresh attempt of a live instance (within the lease) is left alone.
        long other = dueNow(post(variant("FACEBOOK", "Sedang jalan " + m, null)));
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'PUBLISHING', attempts = 1 WHERE post_id = ?", other);
        Accounts.sql(db, "INSERT INTO publish_attempt (variant_id, instance) SELECT id, 'live-instance' FROM post_variant WHERE post_id = ?", other);
        run();
        assertEquals("PUBLISHING", delivery(other, "FACEBOOK"));

        // Staff checked the platform: not there. Retry sends it once.
        given().auth().oauth2(staff).post("/api/posts/" + id + "/variants/FACEBOOK/retry").then().statusCode(200)
                .body("variants[0].delivery", equalTo("SCHEDULED"));
        run();
        assertEquals(1, social.callsWith("Terputus " + m).size());
        assertEquals("PUBLISHED", delivery(id, "FACEBOOK"));
    }

    @Test
    void retryAndMarkPublishedRefuseBadInputWithProblems() {
        String m = marker();
        long id = scheduled(post(variant("FACEBOOK", "Masih terjadwal " + m, Instant.now().plus(Duration.ofMinutes(10)).toString())));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/variants/FACEBOOK/retry").then(), 409,
                "illegal-delivery-action").body("detail", containsString("SCHEDULED"));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/variants/MYSPACE/retry").then(), 400, "validation")
                .body("errors[0].field", equalTo("platform"));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/variants/X/retry").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).post("/api/posts/999999999/variants/X/retry").then(), 404, "not-found");
        given().auth().oauth2(reviewer).post("/api/posts/" + id + "/variants/FACEBOOK/retry").then().statusCode(403);

        Accounts.sql(db, "UPDATE post_variant SET delivery = 'FAILED' WHERE post_id = ?", id);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("url", "bukan alamat"))
                .post("/api/posts/" + id + "/variants/FACEBOOK/published").then(), 400, "validation")
                .body("errors[0].field", containsString("url"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of())
                .post("/api/posts/" + id + "/variants/FACEBOOK/published").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("url", "https://x.test/a", "extra", 1))
                .post("/api/posts/" + id + "/variants/FACEBOOK/published").then(), 400, "validation");
        long elsewhere = dueNow(post(variant("X", "Lain " + m, null)));
        Accounts.sql(db, "UPDATE post_variant SET published_url = ? WHERE post_id = ?", "https://x.test/" + m, elsewhere);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("url", "https://x.test/" + m))
                .post("/api/posts/" + id + "/variants/FACEBOOK/published").then(), 409, "url-taken");
        assertEquals("FAILED", delivery(id, "FACEBOOK"));
    }

    // --- Exactly once ---

    @Test
    void twoRunsAtOnceOnFiftyDueVariantsCallThePlatformOnceForEach() throws Exception {
        social.connect(SocialPlatform.FACEBOOK);
        social.slowDown(Duration.ofMillis(30));
        String m = marker();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(CampaignFixtures.createPost(staff, post(variant("FACEBOOK", "Serentak " + i + " " + m, null))));
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Accounts.sql(db, "UPDATE post SET status = 'SCHEDULED' WHERE id IN (" + in + ")");
        Accounts.sql(db, "UPDATE post_variant SET delivery = 'SCHEDULED', scheduled_at = now() - interval '1 second' WHERE post_id IN (" + in + ")");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<PublishingJob.Run>> runs = List.of(this::runOnce, this::runOnce);
            List<Future<PublishingJob.Run>> done = pool.invokeAll(runs);
            int claimed = 0;
            for (Future<PublishingJob.Run> f : done) {
                claimed += f.get().claimed();
            }
            assertEquals(50, claimed, "every variant claimed by exactly one run");
        } finally {
            pool.shutdown();
        }
        run();
        List<String> calls = social.callsWith(m);
        assertEquals(50, calls.size());
        assertEquals(50, calls.stream().distinct().count(), "each variant's call made once");
        assertEquals(50, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id IN (" + in + ") AND delivery = 'PUBLISHED' AND attempts = 1"));
        assertEquals(50, Accounts.count(db, "SELECT count(*) FROM publish_attempt a JOIN post_variant v ON v.id = a.variant_id WHERE v.post_id IN (" + in + ")"));
        assertEquals(50, Accounts.count(db, "SELECT count(*) FROM post WHERE id IN (" + in + ") AND status = 'PUBLISHED'"));
    }

    // --- Helpers ---

    private PublishingJob.Run runOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.runOnce());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void run() {
        try {
            runOnce();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Drafted, submitted and approved by another reviewer. */
    private long approved(Map<String, Object> body) {
        long id = CampaignFixtures.createPost(staff, body);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Sudah dicek"))
                .post("/api/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private long scheduled(Map<String, Object> body) {
        long id = approved(body);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then().statusCode(200);
        return id;
    }

    /** Scheduled through the API for ten minutes ahead, then moved (as time would) to a second ago. */
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

    private String delivery(long postId, String platform) {
        return string("SELECT delivery FROM post_variant WHERE post_id = ? AND platform = ?", postId, platform);
    }

    private long authorOf(long postId) {
        return Accounts.count(db, "SELECT author_id FROM post WHERE id = ?", postId);
    }

    private List<NotificationKind> kinds(long postId) {
        return notifications.about(postId).stream().map(s -> s.notice().kind()).toList();
    }

    private String string(String sql, Object... args) {
        return Accounts.text(db, sql, args);
    }
}
