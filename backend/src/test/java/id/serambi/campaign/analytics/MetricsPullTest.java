package id.serambi.campaign.analytics;

import static id.serambi.campaign.CampaignFixtures.markPublished;
import static id.serambi.campaign.CampaignFixtures.variantId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The metrics pull job's claim and storage ("Tarik sekarang", POST /api/campaigns/metrics/pull), and the analytics'
 * provenance of each variant's figures.
 */
@QuarkusTest
class MetricsPullTest {

    static final String DUE = """
            SELECT count(*) FROM post_variant v LEFT JOIN variant_metrics_pull p ON p.variant_id = v.id
             WHERE v.external_id IS NOT NULL AND v.published_at >= now() - interval '30 days'
               AND (p.pulled_at IS NULL OR p.pulled_at < now() - interval '4 hours' + interval '1 minute')""";

    @Inject
    AgroalDataSource db;

    /** A post whose X variant was published {@code ago} ago with the platform's id; returns the X variant's id. */
    private long publishedOnX(String staff, Duration ago, boolean withExternalId) {
        long post = CampaignFixtures.createPost(staff, CampaignFixtures.simplePost());
        String tweet = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        markPublished(db, post, "X", "https://x.com/perpuskotabjb/status/" + tweet, Instant.now().minus(ago).toString());
        long variant = variantId(db, post, "X");
        if (withExternalId) {
            Accounts.sql(db, "UPDATE post_variant SET external_id = ?, delivery = 'PUBLISHED' WHERE id = ?", tweet, variant);
        }
        return variant;
    }

    private Instant pulledAt(long variant) {
        long epochMs = Accounts.count(db, "SELECT coalesce(max((extract(epoch FROM pulled_at) * 1000)::bigint), -1) "
                + "FROM variant_metrics_pull WHERE variant_id = ?", variant);
        return epochMs < 0 ? null : Instant.ofEpochMilli(epochMs);
    }

    private long snapshots(long variant) {
        return Accounts.count(db, "SELECT count(*) FROM variant_metric WHERE variant_id = ?", variant);
    }

    @Test
    void aRoundIsTheJobsPeriodLessAMinute() {
        assertEquals(Duration.ofHours(4).minusMinutes(1), MetricsPullService.round("4h"));
        assertEquals(Duration.ofMinutes(29), MetricsPullService.round("PT30M"));
        assertEquals(Duration.ofDays(1).minusMinutes(1), MetricsPullService.round("1d"));
        assertEquals(Duration.ofHours(4).minusMinutes(1), MetricsPullService.round("off"), "the job off: 4 hours");
        assertEquals(Duration.ofSeconds(90), MetricsPullService.round("90s"));
    }

    @Test
    void onlyStaffAndAdminsPull() {
        given().post("/api/campaigns/metrics/pull").then().statusCode(401);
        given().auth().oauth2(Accounts.tokenFor(db, "REVIEWER")).post("/api/campaigns/metrics/pull").then().statusCode(403);
        given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).post("/api/campaigns/metrics/pull").then().statusCode(403);
        given().auth().oauth2(Accounts.tokenFor(db, "ADMIN")).post("/api/campaigns/metrics/pull").then().statusCode(200);
    }

    @Test
    void aPlatformThatIsNotConnectedIsSkippedOncePerRoundAndNothingIsStored() {
        Accounts.sql(db, "DELETE FROM social_connection WHERE platform = 'X'");
        String staff = Accounts.tokenFor(db, "STAFF");
        long recent = publishedOnX(staff, Duration.ofDays(2), true);
        long old = publishedOnX(staff, Duration.ofDays(31), true);
        long withoutId = publishedOnX(staff, Duration.ofDays(1), false);

        given().auth().oauth2(staff).post("/api/campaigns/metrics/pull").then().statusCode(200)
                .body("claimed", greaterThanOrEqualTo(1)).body("notConnected", greaterThanOrEqualTo(1))
                .body("updated", notNullValue()).body("failed", notNullValue());

        Instant first = pulledAt(recent);
        assertEquals(true, first != null, "the recent variant was claimed");
        assertEquals(null, pulledAt(old), "published over 30 days ago: not pulled");
        assertEquals(null, pulledAt(withoutId), "without the platform's id: not pulled");
        assertEquals(0, snapshots(recent));

        // Twice in a round: the variant is not claimed again.
        given().auth().oauth2(staff).post("/api/campaigns/metrics/pull").then().statusCode(200);
        assertEquals(first, pulledAt(recent));
        assertEquals(0, snapshots(recent));

        // A round later it is due again.
        Accounts.sql(db, "UPDATE variant_metrics_pull SET pulled_at = now() - interval '5 hours' WHERE variant_id = ?", recent);
        given().auth().oauth2(staff).post("/api/campaigns/metrics/pull").then().statusCode(200);
        assertEquals(true, pulledAt(recent).isAfter(Instant.now().minusSeconds(60)));
    }

    @Test
    void twoConcurrentRunsClaimEachVariantOnce() throws Exception {
        Accounts.sql(db, "DELETE FROM social_connection WHERE platform = 'X'");
        String staff = Accounts.tokenFor(db, "STAFF");
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            mine.add(publishedOnX(staff, Duration.ofHours(3 + i), true));
        }
        long due = Accounts.count(db, DUE);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<JsonPath>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().auth().oauth2(staff).post("/api/campaigns/metrics/pull").then().statusCode(200)
                        .extract().jsonPath();
            }));
        }
        int claimed = 0;
        for (CompletableFuture<JsonPath> run : runs) {
            claimed += run.get().getInt("claimed");
        }
        assertEquals(due, claimed, "every due variant claimed by exactly one of the two runs");
        for (long v : mine) {
            assertEquals(true, pulledAt(v) != null);
            assertEquals(0, snapshots(v));
        }
    }

    @Test
    void analyticsSayWhereEachFigureCameFromAndWhen() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long variant = publishedOnX(staff, Duration.ofDays(1), true);
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8")
                .body("variantId,impressions,reactions\n" + variant + ",500,20\n").post("/api/metrics/import")
                .then().statusCode(200);
        var day = Instant.now().minus(Duration.ofDays(1)).atZone(ZoneId.of("Asia/Makassar")).toLocalDate();
        JsonPath a = given().auth().oauth2(staff).get("/api/analytics?from=" + day.minusDays(1) + "&to=" + day.plusDays(1))
                .then().statusCode(200).extract().jsonPath();
        String row = "posts.find { it.variantId == " + variant + " }";
        assertEquals("CSV", a.getString(row + ".metricsSource"));
        assertEquals(500, a.getInt(row + ".impressions"));
        Instant captured = Instant.parse(a.getString(row + ".metricsCapturedAt"));
        assertEquals(true, !captured.isBefore(before) && !captured.isAfter(Instant.now()), captured.toString());

        long unmeasured = publishedOnX(staff, Duration.ofDays(1), false);
        a = given().auth().oauth2(staff).get("/api/analytics?from=" + day.minusDays(1) + "&to=" + day.plusDays(1))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(null, a.getString("posts.find { it.variantId == " + unmeasured + " }.metricsSource"));
    }
}
