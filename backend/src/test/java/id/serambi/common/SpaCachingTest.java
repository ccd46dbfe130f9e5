package id.serambi.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 1: a phone must never keep an old app after an update (the shell is revalidated every time), and
 * the hashed files the shell names are cached for a year. Before, {@code /} was served {@code immutable, max-age=86400}.
 */
@QuarkusTest
class SpaCachingTest {

    @Test
    void theShellIsRevalidatedAndHashedAssetsAreKeptForAYear() {
        for (String shell : new String[] {"/", "/index.html", "/acara"}) {
            String cache = given().get(shell).then().statusCode(200).extract().header("Cache-Control");
            assertEquals("no-cache", cache, shell);
        }
        String html = given().get("/").then().statusCode(200).extract().asString();
        Matcher asset = Pattern.compile("/assets/[\\w.-]+\\.(?:js|css)").matcher(html);
        assertTrue(asset.find(), "index.html names a hashed asset");
        assertEquals("public, max-age=31536000, immutable",
                given().get(asset.group()).then().statusCode(200).extract().header("Cache-Control"));
        // A missing asset is a 404 that no cache keeps for a year.
        String missing = given().get("/assets/tidak-ada-0000.js").then().statusCode(404).extract().header("Cache-Control");
        assertTrue(missing == null || !missing.contains("immutable"), String.valueOf(missing));
    }

    /**
     * B7: an event page's data is requested while the app's scripts arrive, not after them. The page's deep link names
     * the event's JSON as a preload (no other page does, and nothing but digits reaches the header).
     */
    @Test
    void anEventPageAsksTheBrowserToPreloadItsEvent() {
        assertEquals("</api/events/42>; rel=preload; as=fetch; crossorigin",
                given().accept("text/html").get("/acara/42").then().statusCode(200).extract().header("Link"));
        for (String other : new String[] {"/acara", "/acara/pendaftaran/abc", "/acara/42x", "/acara/0",
                "/acara/1234567890123456789", "/tantangan/42"}) {
            assertEquals(null, given().accept("text/html").get(other).then().statusCode(200).extract().header("Link"), other);
        }
    }

    @Test
    void aSurveyPageAsksTheBrowserToLoadItsFormScriptAndStyleAtOnce() {
        List<String> assets = List.of("/assets/SurveyAnswerPage-a1.css", "/assets/SurveyAnswerPage-b2.js", "/assets/id-c3.js");
        assertEquals("</api/surveys/7/form>; rel=preload; as=fetch; crossorigin, "
                + "</assets/SurveyAnswerPage-a1.css>; rel=preload; as=style; crossorigin, "
                + "</assets/SurveyAnswerPage-b2.js>; rel=modulepreload, </assets/id-c3.js>; rel=modulepreload",
                FallbackRoutes.linksFor("/survei/7", null, assets));
        // With a token, an event or a challenge the SPA asks for the form with them: only the assets are preloaded.
        assertEquals("</assets/SurveyAnswerPage-a1.css>; rel=preload; as=style; crossorigin, "
                + "</assets/SurveyAnswerPage-b2.js>; rel=modulepreload, </assets/id-c3.js>; rel=modulepreload",
                FallbackRoutes.linksFor("/survei/7", "token=abc", assets));
        assertEquals(null, FallbackRoutes.linksFor("/survei/7", "acara=3", List.of()));
        assertEquals(null, FallbackRoutes.linksFor("/survei/0", null, assets));
        assertEquals(null, FallbackRoutes.linksFor("/staf/survei/7", null, assets));

        // Served: the form's preload, and the built page's script when the SPA was built into this run.
        String link = given().accept("text/html").get("/survei/7").then().statusCode(200).extract().header("Link");
        assertTrue(link.startsWith("</api/surveys/7/form>; rel=preload; as=fetch; crossorigin"), link);
        if (Thread.currentThread().getContextClassLoader().getResource("META-INF/resources/route-preloads.json") != null) {
            assertTrue(link.matches(".*</assets/SurveyAnswerPage-[\\w-]+\\.js>; rel=modulepreload.*"), link);
        }
    }
}
