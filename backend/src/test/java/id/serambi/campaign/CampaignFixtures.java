package id.serambi.campaign;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns and posts made through the real API. */
public final class CampaignFixtures {

    private CampaignFixtures() {
    }

    public static Map<String, Object> campaign(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title + " " + UUID.randomUUID().toString().substring(0, 6));
        body.put("goal", "Remaja memeriksa informasi sebelum membagikannya");
        body.put("theme", "CYBER_SAFETY");
        body.put("startsOn", "2026-11-01");
        body.put("endsOn", "2026-11-30");
        body.put("platforms", List.of("INSTAGRAM"));
        body.put("kpiTargets", List.of(Map.of("metric", "IMPRESSIONS", "target", 20000),
                Map.of("metric", "ENGAGEMENT_RATE", "target", 0.05)));
        return body;
    }

    public static long createCampaign(String staff, Map<String, Object> body) {
        return followLocation(staff, given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/campaigns").then().statusCode(201).extract());
    }

    /**
     * The Location of a 201 names what was created: reading it answers 200 with the same id (it once said
     * /api/api/posts/7, a 404). Returns the id.
     */
    public static long followLocation(String token, ExtractableResponse<Response> created) {
        String location = created.header("Location");
        long id = created.jsonPath().getLong("id");
        assertNotNull(location, "a 201 without Location");
        assertEquals(id, given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath()
                .getLong("id"), "GET " + location);
        return id;
    }

    public static Map<String, Object> variant(String platform, String text, String scheduledAt) {
        Map<String, Object> v = new HashMap<>();
        v.put("platform", platform);
        v.put("text", text);
        if (scheduledAt != null) {
            v.put("scheduledAt", scheduledAt);
        }
        return v;
    }

    public static Map<String, Object> post(Map<String, Object>... variants) {
        Map<String, Object> body = new HashMap<>();
        body.put("contentType", "EDUCATIONAL_TIP");
        body.put("body", "Sebelum membagikan berita, cek sumbernya dan tanggalnya.");
        body.put("hashtags", List.of("WaspadaHoaks", "LiterasiDigital"));
        body.put("mediaUrl", "https://serambi.test/media/cek-fakta.png");
        body.put("variants", new ArrayList<>(List.of(variants)));
        // Instagram publishes nothing without an image: its posts carry one, so that they can be submitted.
        if (List.of(variants).stream().anyMatch(v -> "INSTAGRAM".equals(v.get("platform")))) {
            body.put("mediaIds", List.of(id.serambi.support.Media.squareJpeg()));
        }
        return body;
    }

    /** A draft for Instagram and X, scheduled; returns its id. */
    public static long createPost(String staff, Map<String, Object> body) {
        return followLocation(staff, given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/posts").then().statusCode(201).extract());
    }

    /** Marks a post published through SQL, with a variant's URL and time, to set up metrics and analytics exactly. */
    public static void markPublished(io.agroal.api.AgroalDataSource db, long postId, String platform, String url, String at) {
        id.serambi.support.Accounts.sql(db, "UPDATE post SET status = 'PUBLISHED' WHERE id = ?", postId);
        id.serambi.support.Accounts.sql(db, "UPDATE post_variant SET published_url = ?, published_at = ?::timestamptz "
                + "WHERE post_id = ? AND platform = ?", url, at, postId, platform);
    }

    public static long variantId(io.agroal.api.AgroalDataSource db, long postId, String platform) {
        return id.serambi.support.Accounts.count(db, "SELECT id FROM post_variant WHERE post_id = ? AND platform = ?",
                postId, platform);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> simplePost() {
        return post(variant("INSTAGRAM", "Waspada hoaks! 🔍 Cek dulu sebelum berbagi.", "2026-11-05T03:00:00Z"),
                variant("X", "Cek dulu sebelum berbagi 🔍 #WaspadaHoaks", "2026-11-05T04:00:00Z"));
    }
}
