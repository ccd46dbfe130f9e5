package id.serambi.campaign;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoCampaignsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    DemoCampaigns demo;

    private void account(String email, String role) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Demo " + role, "birthYear", 1990)).post("/api/auth/register");
        Accounts.sql(db, "UPDATE app_user SET role = ? WHERE email = ?", role, email);
    }

    @Test
    void demoCampaignsArePlannedOnceWithPostsInEveryStateAndOnePublishedWithMetrics() throws Throwable {
        account("staf@demo.serambi.id", "STAFF");
        account("peninjau@demo.serambi.id", "REVIEWER");
        VertxContextSupport.subscribeAndAwait(() -> demo.ensure("staf@demo.serambi.id", "peninjau@demo.serambi.id"));
        VertxContextSupport.subscribeAndAwait(() -> demo.ensure("staf@demo.serambi.id", "peninjau@demo.serambi.id"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM campaign WHERE title = ?", DemoCampaigns.HOAKS));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM campaign WHERE title = ? AND theme = 'CYBER_SAFETY'"
                + " AND platforms = '{INSTAGRAM}'", DemoCampaigns.HOAKS));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM campaign WHERE title = ?", DemoCampaigns.KLUB_BUKU));
        String statuses = "SELECT string_agg(DISTINCT p.status, ',' ORDER BY p.status) FROM post p JOIN campaign c ON c.id = p.campaign_id"
                + " WHERE c.title IN (?, ?)";
        try (var c = db.getConnection(); var st = c.prepareStatement(statuses)) {
            st.setString(1, DemoCampaigns.HOAKS);
            st.setString(2, DemoCampaigns.KLUB_BUKU);
            var rs = st.executeQuery();
            rs.next();
            assertEquals("DRAFT,IN_REVIEW,PUBLISHED,SCHEDULED", rs.getString(1));
        }
        assertEquals(2, Accounts.count(db, """
                SELECT count(DISTINCT v.id) FROM variant_metric m JOIN post_variant v ON v.id = m.variant_id
                JOIN post p ON p.id = v.post_id JOIN campaign c ON c.id = p.campaign_id
                WHERE c.title IN (?, ?) AND v.published_url IS NOT NULL""", DemoCampaigns.HOAKS, DemoCampaigns.KLUB_BUKU));
        assertEquals(1, Accounts.count(db, """
                SELECT count(*) FROM post p JOIN campaign c ON c.id = p.campaign_id JOIN app_user u ON u.id = p.reviewer_id
                WHERE c.title = ? AND p.status = 'PUBLISHED' AND u.email = 'peninjau@demo.serambi.id'""", DemoCampaigns.HOAKS));
    }
}
