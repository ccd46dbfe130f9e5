package id.serambi.social.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.social.MetaStubs;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Problems;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting Facebook and Instagram with a Meta Business Suite system-user token. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class SystemUserConnectionTest {

    static final String SYSTEM_TOKEN = "EAAGsystemUserToken0123456789";
    static final String PAGE_TOKEN = "EAAGpageToken0123456789abcdef";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void clean() {
        Accounts.sql(db, "DELETE FROM social_connection");
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    @Test
    void aValidTokenConnectsThePageAndItsInstagramAccountWithoutEverShowingATokenAgain() {
        MetaStubs.onePage(SYSTEM_TOKEN, PAGE_TOKEN);
        MetaStubs.debugToken(PAGE_TOKEN, 0);
        String staff = Staff.token();

        String answer = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("token", SYSTEM_TOKEN))
                .post("/api/social/connections/system-user")
                .then().statusCode(200)
                .body("connected", hasSize(2))
                .body("connected[0].platform", equalTo("FACEBOOK"))
                .body("connected[0].name", equalTo(MetaStubs.PAGE_NAME))
                .body("connected[0].method", equalTo("SYSTEM_USER"))
                .body("connected[0].state", equalTo("CONNECTED"))
                .body("connected[0].expiresAt", nullValue())
                .body("connected[1].platform", equalTo("INSTAGRAM"))
                .body("connected[1].name", equalTo(MetaStubs.IG_USERNAME))
                .body("choices", hasSize(0))
                .extract().asString();
        assertFalse(answer.contains(PAGE_TOKEN) || answer.contains(SYSTEM_TOKEN), answer);

        String list = given().auth().oauth2(staff).get("/api/social/connections")
                .then().statusCode(200)
                .body("connections", hasSize(3))
                .body("connections[0].state", equalTo("CONNECTED"))
                .body("connections[0].connectedBy.name", equalTo("Pengguna Uji"))
                .body("connections[1].state", equalTo("CONNECTED"))
                .body("connections[2].platform", equalTo("X"))
                .body("connections[2].state", equalTo("NOT_CONNECTED"))
                .body("tokenKeyConfigured", equalTo(true))
                .extract().asString();
        assertFalse(list.contains(PAGE_TOKEN), list);

        // Stored encrypted, bound to the row: never the token itself.
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT platform, access_token, refresh_token, method FROM social_connection ORDER BY platform")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String stored = rs.getString("access_token");
                assertFalse(stored.contains(PAGE_TOKEN), stored);
                assertTrue(stored.startsWith("serambi-aes256gcm-v1:"), stored);
                assertEquals("SYSTEM_USER", rs.getString("method"));
            }
            assertEquals(2, rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenMetaRefusesIsA422WithMetasMessageAndSavesNothing() {
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/me/accounts"))
                .withQueryParam("access_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo("EAAGexpired"))
                .willReturn(MetaStubs.tokenRefused("Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.")));
        Problems.assertProblem(given().auth().oauth2(Staff.token()).contentType(ContentType.JSON)
                .body(Map.of("token", "EAAGexpired"))
                .post("/api/social/connections/system-user").then(), 422, "platform-refused")
                .body("detail", containsString("Session has expired"))
                .body(not(containsString("EAAGexpired")));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection"));
    }

    @Test
    void severalPagesAskForAChoiceThenThePageIdConnectsOne() {
        MetaStubs.twoPages(SYSTEM_TOKEN, PAGE_TOKEN, "EAAGotherPageToken");
        MetaStubs.debugToken(PAGE_TOKEN, 0);
        MetaStubs.debugToken("EAAGotherPageToken", 0);
        String staff = Staff.token();
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("token", SYSTEM_TOKEN))
                .post("/api/social/connections/system-user")
                .then().statusCode(200)
                .body("connected", hasSize(0))
                .body("choices", hasSize(2))
                .body("choices[0].instagramUsername", equalTo(MetaStubs.IG_USERNAME))
                .body("choices[1].pageId", equalTo("908070605040"))
                .body("choices[1].instagramUsername", nullValue());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection"));

        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("token", SYSTEM_TOKEN, "pageId", "908070605040"))
                .post("/api/social/connections/system-user")
                .then().statusCode(200)
                .body("connected", hasSize(1))
                .body("connected[0].name", equalTo("Pojok Baca Remaja"));
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("token", SYSTEM_TOKEN, "pageId", "111"))
                .post("/api/social/connections/system-user").then(), 400, "validation");
    }

    @Test
    void disconnectForgetsTheTokens() {
        MetaStubs.onePage(SYSTEM_TOKEN, PAGE_TOKEN);
        MetaStubs.debugToken(PAGE_TOKEN, 0);
        String staff = Staff.token();
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("token", SYSTEM_TOKEN))
                .post("/api/social/connections/system-user").then().statusCode(200);
        given().auth().oauth2(staff).delete("/api/social/connections/INSTAGRAM").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'INSTAGRAM'"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'FACEBOOK'"));
        Problems.assertProblem(given().auth().oauth2(staff).delete("/api/social/connections/INSTAGRAM").then(), 404, "not-connected");
        Problems.assertProblem(given().auth().oauth2(staff).delete("/api/social/connections/myspace").then(), 404, "not-found");
    }

    @Test
    void membersCannotSeeOrConnect() {
        String member = Accounts.login(register(), Accounts.PASSWORD);
        given().auth().oauth2(member).get("/api/social/connections").then().statusCode(403);
        given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("token", SYSTEM_TOKEN))
                .post("/api/social/connections/system-user").then().statusCode(403);
    }

    private static String register() {
        String email = Accounts.uniqueEmail("member");
        Accounts.register(email);
        return email;
    }
}
