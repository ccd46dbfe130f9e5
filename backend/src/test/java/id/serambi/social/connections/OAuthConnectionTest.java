package id.serambi.social.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facebook Login's manual flow: the authorization URL, the single-use state, the code exchange and the Page choice. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class OAuthConnectionTest {

    static final String REDIRECT = "https://serambi.test/staf/akun-sosial/sambung";
    static final String SHORT_TOKEN = "EAAGshortLivedUserToken";
    static final String LONG_TOKEN = "EAAGlongLivedUserToken";
    static final String PAGE_TOKEN = "EAAGpageTokenFromLogin";

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

    /** The documented exchanges: code → short-lived user token → long-lived user token. */
    private static void exchanges(String code) {
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/oauth/access_token"))
                .withQueryParam("code", WireMock.equalTo(code))
                .withQueryParam("client_id", WireMock.equalTo("1234567890"))
                .withQueryParam("client_secret", WireMock.equalTo("test-app-secret"))
                .withQueryParam("redirect_uri", WireMock.equalTo(REDIRECT))
                .willReturn(okJson("{\"access_token\":\"" + SHORT_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/oauth/access_token"))
                .withQueryParam("grant_type", WireMock.equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", WireMock.equalTo(SHORT_TOKEN))
                .willReturn(okJson("{\"access_token\":\"" + LONG_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String start(String staff, String platform) {
        String url = given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("platform", platform))
                .post("/api/social/authorizations")
                .then().statusCode(200)
                .body("authorizationUrl", startsWith(PlatformStandIns.baseUrl() + "/meta-dialog/v23.0/dialog/oauth?"))
                .extract().jsonPath().getString("authorizationUrl");
        Map<String, String> q = query(url);
        assertEquals("1234567890", q.get("client_id"));
        assertEquals(REDIRECT, q.get("redirect_uri"));
        assertEquals("code", q.get("response_type"));
        assertTrue(q.get("scope").contains("pages_manage_posts") && q.get("scope").contains("instagram_content_publish"), q.get("scope"));
        return q.get("state");
    }

    @Test
    void theCodeIsExchangedOnceForThePageAndItsInstagramAccount() {
        String staff = Staff.token();
        String state = start(staff, "FACEBOOK");
        exchanges("code-123");
        MetaStubs.onePage(LONG_TOKEN, PAGE_TOKEN);
        MetaStubs.debugToken(PAGE_TOKEN, 0);

        String answer = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "code-123", "state", state))
                .post("/api/social/connections/callback")
                .then().statusCode(200)
                .body("connected", hasSize(2))
                .body("connected[0].platform", equalTo("FACEBOOK"))
                .body("connected[0].method", equalTo("OAUTH"))
                .body("connected[1].platform", equalTo("INSTAGRAM"))
                .body("connected[1].externalId", equalTo(MetaStubs.IG_ID))
                .extract().asString();
        assertFalse(answer.contains(PAGE_TOKEN) || answer.contains(LONG_TOKEN), answer);
        PlatformStandIns.server().verify(getRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/me/accounts"))
                .withQueryParam("access_token", WireMock.equalTo(LONG_TOKEN)));
        assertNoPlainToken(PAGE_TOKEN, LONG_TOKEN, SHORT_TOKEN);

        // The state works once.
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "code-123", "state", state))
                .post("/api/social/connections/callback").then(), 409, "state-used");
    }

    @Test
    void aWrongAnExpiredOrAnotherAccountsStateIsRefusedBeforeMetaIsAsked() {
        String staff = Staff.token();
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "code-1", "state", "not-a-state-we-made"))
                .post("/api/social/connections/callback").then(), 400, "invalid-state");

        String mine = start(staff, "INSTAGRAM");
        Problems.assertProblem(given().auth().oauth2(Staff.token()).contentType(ContentType.JSON)
                .body(Map.of("code", "code-1", "state", mine))
                .post("/api/social/connections/callback").then(), 403, "forbidden");

        Accounts.sql(db, "UPDATE social_authorization SET expires_at = now() - interval '1 minute' WHERE state_hash = ?",
                ConnectionService.hash(mine));
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "code-1", "state", mine))
                .post("/api/social/connections/callback").then(), 400, "state-expired");

        PlatformStandIns.server().verify(0, getRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/oauth/access_token")));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection"));
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("code", "", "state", ""))
                .post("/api/social/connections/callback").then(), 400, "validation");
    }

    @Test
    void theStateIsStoredHashedAndTheVerifierEncrypted() throws SQLException {
        String staff = Staff.token();
        String state = start(staff, "FACEBOOK");
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT state_hash, code_verifier, expires_at - created_at AS life FROM social_authorization "
                        + "WHERE state_hash = '" + ConnectionService.hash(state) + "'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString("code_verifier").startsWith("serambi-aes256gcm-v1:"));
            assertEquals("00:10:00", rs.getString("life"));
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_authorization WHERE state_hash = ?", state));
    }

    @Test
    void aCodeMetaRefusesIsA422WithItsMessage() {
        String staff = Staff.token();
        String state = start(staff, "FACEBOOK");
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/oauth/access_token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"This authorization code has been used.","type":"OAuthException","code":100,
                          "error_subcode":36009,"fbtrace_id":"A1b2C3d4"}}""")));
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "used-code", "state", state))
                .post("/api/social/connections/callback").then(), 422, "platform-refused")
                .body("detail", org.hamcrest.Matchers.containsString("This authorization code has been used."));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection"));
    }

    @Test
    void whenSeveralPagesAreGrantedStaffChooseOne() {
        String staff = Staff.token();
        String state = start(staff, "FACEBOOK");
        exchanges("code-two");
        MetaStubs.twoPages(LONG_TOKEN, PAGE_TOKEN, "EAAGsecondPageToken");
        MetaStubs.debugToken(PAGE_TOKEN, 0);
        MetaStubs.debugToken("EAAGsecondPageToken", 0);

        String answer = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "code-two", "state", state))
                .post("/api/social/connections/callback")
                .then().statusCode(200)
                .body("connected", hasSize(0))
                .body("choices", hasSize(2))
                .body("choices[0].pageId", equalTo(MetaStubs.PAGE_ID))
                .body("choices[0].instagramUsername", equalTo(MetaStubs.IG_USERNAME))
                .body("state", equalTo(state))
                .extract().asString();
        assertFalse(answer.contains(PAGE_TOKEN), answer);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection"));
        assertNoPlainToken(PAGE_TOKEN, "EAAGsecondPageToken");

        Problems.assertProblem(given().auth().oauth2(Staff.token()).contentType(ContentType.JSON)
                .body(Map.of("state", state, "pageId", MetaStubs.PAGE_ID))
                .post("/api/social/connections/page").then(), 403, "forbidden");
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("state", state, "pageId", "1"))
                .post("/api/social/connections/page").then(), 400, "validation");
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("state", state, "pageId", MetaStubs.PAGE_ID))
                .post("/api/social/connections/page")
                .then().statusCode(200)
                .body("connected", hasSize(2))
                .body("connected[0].name", equalTo(MetaStubs.PAGE_NAME))
                .body("connected[1].name", equalTo(MetaStubs.IG_USERNAME));
        // The choice is spent with the state.
        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("state", state, "pageId", MetaStubs.PAGE_ID))
                .post("/api/social/connections/page").then(), 400, "invalid-state");
    }

    @Test
    void anUnknownPlatformIsA400() {
        Problems.assertProblem(given().auth().oauth2(Staff.token()).contentType(ContentType.JSON)
                .body("{\"platform\":\"MYSPACE\"}").post("/api/social/authorizations").then(), 400, "validation");
    }

    private void assertNoPlainToken(String... tokens) {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT concat_ws('|', access_token, refresh_token) FROM social_connection "
                        + "UNION ALL SELECT concat_ws('|', code_verifier, granted) FROM social_authorization")) {
            while (rs.next()) {
                for (String t : tokens) {
                    assertFalse(rs.getString(1).contains(t), "a token in plain text in the database");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
