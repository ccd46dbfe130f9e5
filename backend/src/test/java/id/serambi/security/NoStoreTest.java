package id.serambi.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 12: responses with personal data had no Cache-Control, so a browser or proxy could keep them.
 *
 * <p>The rule this test states and checks: <b>every response under /api carries {@code Cache-Control: no-store}</b>
 * (common/NoStore), except a public read (anonymous GET, no secret token in its path) that declares itself
 * {@code public}, such as the catalogue's calendar feed. The operations come from the OpenAPI document, so a new endpoint is checked the day it is added:
 * each is called as a caller it admits (anonymous for public ones, else its first role), reads before writes and
 * deletes last, and every answer, success or problem, must say no-store. The personal ones named in the finding must
 * answer 200, so the check sees real data and not only refusals.
 */
@QuarkusTest
class NoStoreTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Personal answers that must be real (2xx), not a refusal that merely happens to carry the header. */
    private static final Set<String> PERSONAL = Set.of("GET /api/me", "GET /api/me/export",
            "GET /api/registrations/{token}", "GET /api/events/{id}/registrations text/csv",
            "GET /api/challenges/{id}/results text/csv");

    @Inject
    AgroalDataSource db;

    @Test
    void everyApiOperationAnswersNoStore() {
        World world = World.seed(db);
        ApiDocument doc = ApiDocument.load();
        List<ApiDocument.Op> ops = new ArrayList<>(doc.operations);
        // Reads first, deletions last, and "log out everywhere" (which ends the member's token) after everything.
        ops.sort(Comparator.comparingInt((ApiDocument.Op op) -> op.name().equals("POST /api/me/logout-everywhere") ? 3
                : switch (op.method()) {
                    case "GET" -> 0;
                    case "DELETE" -> 2;
                    default -> 1;
                }));
        List<String> failures = new ArrayList<>();
        List<String> personalSeen = new ArrayList<>();
        int succeeded = 0;
        for (ApiDocument.Op op : ops) {
            Set<String> roles = op.roles();
            String bearer = roles == null ? null
                    : world.token(roles.isEmpty() ? "MEMBER" : roles.contains("ADMIN") ? "ADMIN" : roles.iterator().next());
            String type = op.jsonContentType();
            byte[] body = world.exampleBody(op);
            if (body == null && !op.requestContent().isEmpty()) {
                type = op.requestContent().keySet().iterator().next();
                body = "variantId,impressions\n1,10\n".getBytes();
            }
            List<String> accepts = new ArrayList<>();
            accepts.add(null);
            if (op.node().path("responses").path("200").path("content").has("text/csv")) {
                accepts.add("text/csv");
            }
            for (String accept : accepts) {
                String name = op.name() + (accept == null ? "" : " " + accept);
                HttpResponse<InputStream> answer = send(op.method(), world.realPath(op.path()), bearer, type, body, accept);
                String cache = answer.headers().firstValue("Cache-Control").orElse("");
                // The one exception: an anonymous, public read without a secret in its path may declare itself public.
                boolean publicData = roles == null && !op.path().contains("{token}") && op.method().equals("GET")
                        && cache.startsWith("public");
                if (!cache.contains("no-store") && !publicData) {
                    failures.add(name + " answered " + answer.statusCode() + " with Cache-Control '" + cache + "'");
                }
                if (answer.statusCode() < 300) {
                    succeeded++;
                    if (PERSONAL.contains(name)) {
                        personalSeen.add(name);
                    }
                }
            }
        }
        System.out.printf("[no-store] %d operations, %d answered 2xx%n", ops.size(), succeeded);
        assertEquals(List.of(), failures);
        assertTrue(ops.size() >= 70 && succeeded >= ops.size() / 2, succeeded + " of " + ops.size() + " succeeded");
        assertEquals(PERSONAL, Set.copyOf(personalSeen), "the personal answers must be checked as real answers");
    }

    /** Unknown API paths and problems too; the SPA's files and the OpenAPI document are not the API's data. */
    @Test
    void problemsCarryItAndTheRestIsUntouched() {
        Response missing = given().get("/api/tidak-ada");
        assertEquals(404, missing.statusCode());
        assertEquals("no-store", missing.header("Cache-Control"));
        assertEquals("no-cache", missing.header("Pragma"));
        Response unauthorized = given().get("/api/me");
        assertEquals(401, unauthorized.statusCode());
        assertEquals("no-store", unauthorized.header("Cache-Control"));
        assertTrue(!"no-store".equals(given().get("/q/openapi").header("Cache-Control")));
    }

    private static HttpResponse<InputStream> send(String method, String target, String bearer, String type, byte[] body,
            String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Probe.base() + target))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (method.equals("PUT") || method.equals("PATCH")) {
            request.header("If-Match", "\"0\"");
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // event streams stay open otherwise; the headers are all this test reads
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
