package id.serambi.campaign.posts;

import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void characterLimitsCountEmojiAsOneAndUrlsOnXAs23() {
        String staff = Accounts.tokenFor(db, "STAFF");
        // 280 emoji: 560 UTF-16 units, but 280 characters as X counts them; a ZWJ family is one character too.
        String x280 = "📚".repeat(279) + "👨‍👩‍👧";
        long id = CampaignFixtures.createPost(staff, post(variant("X", x280, null)));
        given().auth().oauth2(staff).get("/api/posts/" + id).then().statusCode(200)
                .body("variants[0].characters", equalTo(280)).body("variants[0].limit", equalTo(280));

        // A long URL counts 23 on X: 250 letters + space + URL = 274.
        String withUrl = "a".repeat(250) + " https://perpustakaan.banjarbarukota.go.id/" + "x".repeat(200);
        CampaignFixtures.createPost(staff, post(variant("X", withUrl, null)));

        long before = Accounts.count(db, "SELECT count(*) FROM post");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(post(variant("INSTAGRAM", "Ok 👍🏽", null), variant("X", "🔍".repeat(281), null)))
                .post("/api/posts").then(), 400, "validation")
                .body("errors[0].field", equalTo("variants[1].text"))
                .body("errors[0].message", equalTo("X allows 280 characters; this has 281"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(post(variant("INSTAGRAM", "é".repeat(2201), null)))
                .post("/api/posts").then(), 400, "validation")
                .body("errors[0].message", equalTo("Instagram allows 2,200 characters; this has 2,201"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(post(variant("FACEBOOK", "a".repeat(63_207), null)))
                .post("/api/posts").then(), 400, "validation")
                .body("errors[0].message", containsString("Facebook allows 63,206 characters"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(post(variant("X", "satu", null), variant("X", "dua", null)))
                .post("/api/posts").then(), 400, "validation")
                .body("errors[0].field", equalTo("variants[1].platform"));
        assertEquals(before, Accounts.count(db, "SELECT count(*) FROM post"));
    }

    @Test
    void aStaleVersionIs412AndTwoConcurrentSavesLetExactlyOneWin() throws Exception {
        String staff = Accounts.tokenFor(db, "STAFF");
        long id = CampaignFixtures.createPost(staff, CampaignFixtures.simplePost());
        String etag = given().auth().oauth2(staff).get("/api/posts/" + id).then().statusCode(200)
                .body("version", equalTo(0)).extract().header("ETag");
        assertEquals("\"0\"", etag);

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(CampaignFixtures.simplePost())
                .put("/api/posts/" + id).then(), 428, "version-required");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> saves = new ArrayList<>();
        for (String text : List.of("Versi Rina", "Versi Dedi")) {
            Map<String, Object> body = CampaignFixtures.simplePost();
            body.put("body", text);
            saves.add(() -> given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(body).put("/api/posts/" + id).then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(saves)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 412), statuses);
        assertEquals(1, Accounts.count(db, "SELECT version FROM post WHERE id = ?", id));

        Map<String, Object> late = CampaignFixtures.simplePost();
        late.put("body", "Terlambat");
        assertProblem(given().auth().oauth2(staff).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(late)
                .put("/api/posts/" + id).then(), 412, "stale-version").header("ETag", "\"1\"");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND body = 'Terlambat'", id));
        given().auth().oauth2(staff).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(late)
                .put("/api/posts/" + id).then().statusCode(200).body("body", equalTo("Terlambat"))
                .body("version", equalTo(2)).header("ETag", "\"2\"");
    }

    @Test
    void theReviewWorkflowWithItsAuditTrail() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        long id = CampaignFixtures.createPost(staff, CampaignFixtures.simplePost());

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("platform", "X", "publishedUrl", "https://x.com/a/status/1"))))
                .post("/api/posts/" + id + "/publish").then(), 409, "illegal-transition")
                .body("detail", containsString("DRAFT"));
        assertProblem(given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                .post("/api/posts/" + id + "/approve").then(), 409, "illegal-transition");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                .post("/api/posts/" + id + "/approve").then(), 403, "forbidden");

        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        given().auth().oauth2(reviewer).get("/api/posts?status=IN_REVIEW&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Sumber belum dicantumkan"))
                .post("/api/posts/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("reviewNote", equalTo("Sumber belum dicantumkan"));
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Data Kominfo sudah dicek"))
                .post("/api/posts/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("reviewNote", equalTo("Data Kominfo sudah dicek"));
        // Scheduling needs times ahead (at least 5 minutes after the approval): the fixture's are long past.
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() + interval '1 day' WHERE post_id = ?", id);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("platform", "INSTAGRAM", "publishedUrl", "https://x.com/sama/1"),
                        Map.of("platform", "X", "publishedUrl", "https://x.com/sama/1"))))
                .post("/api/posts/" + id + "/publish").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("platform", "X", "publishedUrl", "https://x.com/sama/1"))))
                .post("/api/posts/" + id + "/publish").then(), 400, "validation")
                .body("errors[0].message", equalTo("Instagram needs its published URL"));
        // Marking it published days before its time is refused, naming each variant not yet due; nothing changes.
        Map<String, Object> out = Map.of("variants", List.of(
                Map.of("platform", "INSTAGRAM", "publishedUrl", "https://www.instagram.com/p/Wf" + id + "/"),
                Map.of("platform", "X", "publishedUrl", "https://x.com/perpus/status/77" + id)));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(out)
                .post("/api/posts/" + id + "/publish").then(), 409, "published-before-schedule")
                .body("errors.field", contains("variants[0].publishedAt", "variants[1].publishedAt"))
                .body("errors[0].message", containsString("Instagram is scheduled for"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'SCHEDULED'", id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ? AND published_url IS NOT NULL", id));
        // A time given before the schedule is refused too, once the schedule has come.
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() - interval '1 minute' WHERE post_id = ?", id);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(
                        Map.of("platform", "INSTAGRAM", "publishedUrl", "https://www.instagram.com/p/Wf" + id + "/",
                                "publishedAt", "2026-01-01T00:00:00Z"),
                        Map.of("platform", "X", "publishedUrl", "https://x.com/perpus/status/77" + id))))
                .post("/api/posts/" + id + "/publish").then(), 409, "published-before-schedule")
                .body("errors.field", contains("variants[0].publishedAt"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(out)
                .post("/api/posts/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("variants.publishedUrl", hasItem("https://x.com/perpus/status/77" + id))
                .body("variants.publishedAt", not(hasItem(nullValue())));

        given().auth().oauth2(reviewer).get("/api/posts/" + id + "/history").then().statusCode(200)
                .body("to", contains("DRAFT", "IN_REVIEW", "DRAFT", "IN_REVIEW", "APPROVED", "SCHEDULED", "PUBLISHED"))
                .body("[4].from", equalTo("IN_REVIEW"))
                .body("[4].note", equalTo("Data Kominfo sudah dicek"))
                .body("[4].actorName", equalTo("Pengguna Uji"));
        assertEquals(7, Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND reviewer_id IS NOT NULL", id));

        int version = given().auth().oauth2(staff).get("/api/posts/" + id).then().extract().jsonPath().getInt("version");
        assertProblem(given().auth().oauth2(staff).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(CampaignFixtures.simplePost()).put("/api/posts/" + id).then(), 409, "post-published");
    }

    @Test
    void anInstagramVariantWithoutAnImageIsNeverApprovedNorScheduled() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        Map<String, Object> body = post(variant("INSTAGRAM", "Waspada hoaks! Cek dulu sebelum berbagi.", null),
                variant("X", "Cek dulu sebelum berbagi #WaspadaHoaks", null));
        body.remove("mediaIds");
        long id = CampaignFixtures.createPost(staff, body);
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then(), 422, "media-rules")
                .body("errors.field", contains("variants[0].media"))
                .body("errors[0].message", equalTo("Instagram memerlukan setidaknya satu gambar atau video."));

        // A post that reached review without its image (older data, a change in the database) stops at approval ...
        Accounts.sql(db, "UPDATE post SET status = 'IN_REVIEW' WHERE id = ?", id);
        assertProblem(given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Sudah dicek"))
                .post("/api/posts/" + id + "/approve").then(), 422, "media-rules")
                .body("errors.field", contains("variants[0].media"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'IN_REVIEW' AND reviewer_id IS NULL", id));

        // ... and one approved without it stops at scheduling.
        Accounts.sql(db, "UPDATE post SET status = 'APPROVED' WHERE id = ?", id);
        Accounts.sql(db, "UPDATE post_variant SET scheduled_at = now() + interval '1 day' WHERE post_id = ?", id);
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then(), 422, "media-rules")
                .body("errors.field", contains("variants[0].media"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'APPROVED'", id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ? AND delivery = 'SCHEDULED'", id));
    }

    @Test
    void nobodyApprovesTheirOwnPostNotEvenAnAdmin() {
        String admin = Accounts.tokenFor(db, "ADMIN");
        long id = CampaignFixtures.createPost(admin, CampaignFixtures.simplePost());
        given().auth().oauth2(admin).post("/api/posts/" + id + "/submit").then().statusCode(200);
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("note", "Saya cek sendiri"))
                .post("/api/posts/" + id + "/approve").then(), 403, "own-post");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'IN_REVIEW'", id));
        String otherAdmin = Accounts.tokenFor(db, "ADMIN");
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("note", "Dicek"))
                .post("/api/posts/" + id + "/approve").then().statusCode(200);
    }

    /** Issue 13, finding 4: an admin rewrites a staff member's post in review, submits it again and approves it. */
    @Test
    void nobodyApprovesAVersionWhoseTextTheyChanged() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String adminEmail = Accounts.uniqueEmail("admin");
        long adminId = Accounts.register(adminEmail);
        Accounts.sql(db, "UPDATE app_user SET role = 'ADMIN' WHERE id = ?", adminId);
        String admin = Accounts.login(adminEmail, Accounts.PASSWORD);
        long id = CampaignFixtures.createPost(staff, post(variant("INSTAGRAM", "Klub buku bulan ini!", null)));
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200);

        given().auth().oauth2(admin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(post(variant("INSTAGRAM", "Diskon besar di toko X, klik tautan di bio!", null)))
                .put("/api/posts/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(admin).post("/api/posts/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("note", "Sudah saya cek"))
                .post("/api/posts/" + id + "/approve").then(), 403, "own-post")
                .body("detail", containsString("You changed the text of post " + id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'IN_REVIEW' "
                + "AND reviewer_id IS NULL", id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ? AND to_status = 'APPROVED'", id));

        // The history shows why: the admin's edit is marked as a change of the text.
        given().auth().oauth2(staff).get("/api/posts/" + id + "/history").then().statusCode(200)
                .body("to", contains("DRAFT", "IN_REVIEW", "DRAFT", "IN_REVIEW"))
                .body("textChanged", contains(true, false, true, false))
                .body("[2].actorId", equalTo((int) adminId));

        // An edit while the post is a draft counts too, and is in the history even though the status stays.
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("note", "Bukan gaya kita"))
                .post("/api/posts/" + id + "/reject").then().statusCode(403);
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Kembalikan teks aslinya"))
                .post("/api/posts/" + id + "/reject").then().statusCode(200).body("status", equalTo("DRAFT"));
        String otherAdmin = Accounts.tokenFor(db, "ADMIN");
        int version = given().auth().oauth2(staff).get("/api/posts/" + id).then().extract().jsonPath().getInt("version");
        given().auth().oauth2(otherAdmin).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(post(variant("INSTAGRAM", "Klub buku bulan ini! Ayo ikut.", null)))
                .put("/api/posts/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200);
        assertProblem(given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("note", "Oke"))
                .post("/api/posts/" + id + "/approve").then(), 403, "own-post");
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("note", "Oke"))
                .post("/api/posts/" + id + "/approve").then(), 403, "own-post");
        given().auth().oauth2(staff).get("/api/posts/" + id + "/history").then()
                .body("[5].from", equalTo("DRAFT")).body("[5].to", equalTo("DRAFT"))
                .body("[5].textChanged", equalTo(true)).body("[5].note", containsString("Teks diubah"));

        // A reviewer who neither wrote nor changed the text approves it.
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Teks sudah dicek"))
                .post("/api/posts/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'APPROVED'", id));
    }

    @Test
    void theDatabaseRefusesAnApprovalByAWriterToo() {
        String staffEmail = Accounts.uniqueEmail("staff");
        long staffId = Accounts.register(staffEmail);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", staffId);
        String staff = Accounts.login(staffEmail, Accounts.PASSWORD);
        long id = CampaignFixtures.createPost(staff, CampaignFixtures.simplePost());
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> Accounts.sql(db,
                "INSERT INTO post_transition (post_id, from_status, to_status, actor_id) VALUES (?, 'IN_REVIEW', 'APPROVED', ?)",
                id, staffId));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ? AND to_status = 'APPROVED'", id));
    }

    @Test
    void editingAnApprovedPostSendsItBackToDraftButReschedulingDoesNot() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        Map<String, Object> body = post(variant("INSTAGRAM", "Klub buku bulan ini!", null));
        long id = CampaignFixtures.createPost(staff, body);
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("note", "Oke"))
                .post("/api/posts/" + id + "/approve").then().statusCode(200);
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + id + "/schedule").then(), 409, "schedule-incomplete")
                .body("errors[0].field", equalTo("variants[0].scheduledAt"));

        Map<String, Object> rescheduled = post(variant("INSTAGRAM", "Klub buku bulan ini!", "2026-11-07T11:00:00Z"));
        given().auth().oauth2(staff).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(rescheduled)
                .put("/api/posts/" + id).then().statusCode(200).body("status", equalTo("APPROVED"));
        Map<String, Object> edited = post(variant("INSTAGRAM", "Klub buku bulan ini! Ayo ikut.", "2026-11-07T11:00:00Z"));
        given().auth().oauth2(staff).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(edited)
                .put("/api/posts/" + id).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("reviewerId", nullValue());
        given().auth().oauth2(staff).get("/api/posts/" + id + "/history").then()
                .body("to", contains("DRAFT", "IN_REVIEW", "APPROVED", "DRAFT"))
                .body("[3].note", containsString("kembali ke draf"));
    }

    @Test
    void rolesAndMissingThings() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().get("/api/posts").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(member).get("/api/posts").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(CampaignFixtures.simplePost())
                .post("/api/posts").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(staff).get("/api/posts/999999").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/posts?status=LOST").then(), 400, "validation");
        Map<String, Object> body = CampaignFixtures.simplePost();
        body.put("campaignId", 999999);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/posts").then(),
                400, "validation").body("errors[0].field", equalTo("campaignId"));
    }
}
