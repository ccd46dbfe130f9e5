package id.serambi.common;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security headers on every kind of response, CORS for configured origins only, and no script URLs stored. */
@QuarkusTest
class WebHardeningTest {

    /** The test profile's one allowed cross-origin caller (quarkus.http.cors.origins). */
    static final String PORTAL = "https://portal.banjarbarukota.go.id";

    @Inject
    AgroalDataSource db;

    private static void assertHardened(Response response, String what) {
        String csp = response.header("Content-Security-Policy");
        assertTrue(csp != null, what + ": no Content-Security-Policy");
        List<String> directives = Arrays.stream(csp.split(";")).map(String::strip).toList();
        assertTrue(directives.contains("script-src 'self'"), what + ": " + csp);
        assertTrue(directives.contains("default-src 'self'"), what + ": " + csp);
        assertTrue(directives.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertTrue(directives.contains("object-src 'none'"), what + ": " + csp);
        assertTrue(directives.contains("base-uri 'self'"), what + ": " + csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
        assertEquals("DENY", response.header("X-Frame-Options"), what);
        assertEquals("same-origin", response.header("Referrer-Policy"), what);
        assertEquals("same-origin", response.header("Cross-Origin-Opener-Policy"), what);
        assertTrue(response.header("Permissions-Policy").contains("camera=()"), what);
    }

    @Test
    void apiAnswersCarryTheHeaders() {
        Response ok = given().get("/api/events");
        assertEquals(200, ok.statusCode());
        assertHardened(ok, "GET /api/events");
        assertHardened(given().get("/api/library"), "GET /api/library");
    }

    @Test
    void problemAnswersCarryTheHeaders() {
        Response missing = given().accept(ContentType.JSON).get("/api/no-such-thing");
        assertProblem(missing.then(), 404, "not-found");
        assertHardened(missing, "404 problem");

        Response invalid = given().contentType(ContentType.JSON).body("{\"email\":").post("/api/auth/login");
        assertEquals(400, invalid.statusCode());
        assertHardened(invalid, "400 on malformed JSON");

        Response unauthorized = given().get("/api/me");
        assertEquals(401, unauthorized.statusCode());
        assertHardened(unauthorized, "401");

        // Rejected before any body is read, by the earliest route.
        Response tooLarge = given().contentType(ContentType.JSON).body("x".repeat(3 * 1024 * 1024))
                .post("/api/auth/register");
        assertProblem(tooLarge.then(), 413, "payload-too-large");
        assertHardened(tooLarge, "413 problem");
    }

    @Test
    void theSpaAndItsDeepLinksCarryTheHeaders() {
        // index.html when the SPA is packaged, else a 404 problem: either way from the same fallback route.
        Response deepLink = given().accept("text/html").get("/akun");
        assertHardened(deepLink, "SPA deep link");
        Response root = given().accept("text/html").get("/");
        assertHardened(root, "/");
        Response asset = given().get("/assets/no-such-file.js");
        assertEquals(404, asset.statusCode());
        assertHardened(asset, "missing asset");
    }

    /**
     * B7: a hashed script or stylesheet is never a document, so it carries nosniff and not the document headers (~500
     * bytes each); an SVG under /assets/ could be opened as a document and keeps them all.
     */
    @Test
    void theBuiltScriptsCarryNosniffWithoutTheDocumentHeaders() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("/assets/[\\w.-]+\\.js").matcher(html);
        assertTrue(script.find(), "index.html names a script");
        for (String encoding : new String[] {"br", "gzip", "identity"}) {
            Response js = given().header("Accept-Encoding", encoding).get(script.group());
            assertEquals(200, js.statusCode(), encoding);
            assertEquals("nosniff", js.header("X-Content-Type-Options"), encoding);
            assertEquals(null, js.header("Content-Security-Policy"), encoding);
            assertEquals(null, js.header("X-Frame-Options"), encoding);
        }
        assertTrue(SecurityHeaders.isBuiltAsset("/assets/index-abc.css"));
        assertFalse(SecurityHeaders.isBuiltAsset("/assets/logo-abc.svg"));
        assertFalse(SecurityHeaders.isBuiltAsset("/api/events"));
    }

    @Test
    void pagesAndCallsWithAManageTokenSendNoReferrer() {
        String token = "tD3v2gQz0Qm1yq0n8mX5mJb8yJ9v6oV1xHk2fQp7a4E";
        for (String path : List.of("/acara/pendaftaran/" + token, "/pendaftaran/" + token, "/persetujuan/" + token,
                "/akun/verifikasi/" + token)) {
            Response page = given().accept("text/html").get(path);
            assertEquals("no-referrer", page.header("Referrer-Policy"), path);
            assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
        }
        Response verify = given().post("/api/auth/verify-email/" + token);
        assertEquals(404, verify.statusCode());
        assertEquals("no-referrer", verify.header("Referrer-Policy"));
        Response api = given().get("/api/registrations/" + token);
        assertEquals(404, api.statusCode());
        assertEquals("no-referrer", api.header("Referrer-Policy"));
        assertTrue(api.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void onlySwaggerUiMayRunItsInlineScript() {
        Response swagger = given().get("/q/swagger-ui/");
        assertEquals(200, swagger.statusCode());
        String csp = swagger.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self' 'unsafe-inline'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", swagger.header("X-Content-Type-Options"));
        assertHardened(given().get("/q/openapi"), "OpenAPI document");
    }

    @Test
    void aConfiguredOriginMayCallTheApiFromABrowser() {
        given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/api/events/1/registrations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", PORTAL).get("/api/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void anUnknownOriginGetsNoCorsGrant() {
        for (String origin : List.of("https://evil.example", "https://portal.banjarbarukota.go.id.evil.example",
                "http://portal.banjarbarukota.go.id", "null")) {
            Response preflight = given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .options("/api/events/1/registrations");
            assertNull(preflight.header("Access-Control-Allow-Origin"), origin + " preflight");
            assertFalse(preflight.statusCode() == 200 && preflight.header("Access-Control-Allow-Methods") != null,
                    origin + " preflight allowed methods");
            Response simple = given().header("Origin", origin).get("/api/events");
            assertNull(simple.header("Access-Control-Allow-Origin"), origin + " simple request");
        }
        // A request from the API's own origin (the SPA) is not cross-origin.
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port).get("/api/events")
                .then().statusCode(200).header("Access-Control-Allow-Origin", not(equalTo("*")));
    }

    @Test
    void scriptUrlsAreNeverStored() {
        String staff = Accounts.tokenFor(db, "STAFF");
        for (String url : List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)",
                "data:text/html,<script>alert(1)</script>", " javascript:alert(1)", "vbscript:msgbox(1)")) {
            Map<String, Object> event = EventFixtures.body(EventFixtures.uniqueDay());
            event.put("joinUrl", url);
            Response response = given().auth().oauth2(staff).contentType(ContentType.JSON).body(event)
                    .post("/api/events");
            assertEquals(400, response.statusCode(), url + ": " + response.asString());
            response.then().contentType(containsString("application/problem+json")).body("errors", not(nullValue()));

            Map<String, Object> post = Map.of("contentType", "EDUCATIONAL_TIP", "body", "Cek fakta dulu.",
                    "mediaUrl", url, "variants", List.of(Map.of("platform", "INSTAGRAM", "text", "Cek fakta dulu.")));
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(post).post("/api/posts")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event WHERE join_url NOT ILIKE 'http%'"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM post WHERE media_url NOT ILIKE 'http%'"));
    }

    /** PostgreSQL text cannot hold U+0000: a NUL in a path or query parameter is a 400 naming it, before any SQL. */
    @Test
    void aNulInAParameterIsRefusedByName() {
        assertProblem(given().urlEncodingEnabled(false).get("/api/events?search=bedah%00buku").then(), 400, "validation")
                .body("errors[0].field", equalTo("search"));
        assertProblem(given().urlEncodingEnabled(false).get("/api/events?q%00=1").then(), 400, "validation")
                .body("errors[0].field", equalTo("parameter name"));
        assertProblem(given().urlEncodingEnabled(false).get("/api/registrations/abc%00def").then(), 400, "validation")
                .body("errors[0].field", equalTo("token"));
        given().urlEncodingEnabled(false).get("/api/events?search=bedah%20buku").then().statusCode(200);
    }
}
