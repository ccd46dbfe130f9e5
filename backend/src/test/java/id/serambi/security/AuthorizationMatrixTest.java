package id.serambi.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 point 5: who may call what, generated from the OpenAPI document so that a new endpoint is checked the day it
 * is added. Every protected operation answers an anonymous caller and a forged token 401, and every role it does not
 * admit 403, both as problem+json and without writing anything. Then the IDOR cases: one member cannot read, change
 * or cancel another member's registration, reading logs, participation or data.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /**
     * The operations anyone may call. Making an endpoint public is a decision: add it here, and the privacy scan
     * (PublicPrivacyTest) reads it too.
     */
    static final Set<String> PUBLIC = Set.of(
            "POST /api/auth/guardian-consent/{token}", "POST /api/auth/login", "POST /api/auth/register",
            // The link from the sign-up e-mail: the secret token is the capability.
            "POST /api/auth/verify-email/{token}",
            "GET /api/calendar.ics", "GET /api/library",
            "GET /api/challenges", "GET /api/challenges/{id}", "GET /api/challenges/{id}/leaderboard",
            "GET /api/challenges/{id}/leaderboard/stream",
            "GET /api/events", "GET /api/events/{id}", "GET /api/events/{id}/calendar.ics",
            "GET /api/events/{id}/questions", "GET /api/events/{id}/questions/stream",
            "POST /api/events/{id}/questions", "POST /api/events/{id}/questions/{questionId}/upvote",
            "POST /api/events/{id}/registrations",
            // A series' public sessions, and registering for all of them at once (issue 17), like one event's.
            "GET /api/event-series/{id}/sessions", "POST /api/event-series/{id}/registrations",
            // A registrant's own page, opened by the secret manage token (the capability) rather than by a login.
            "GET /api/registrations/{token}", "DELETE /api/registrations/{token}",
            "GET /api/registrations/{token}/calendar.ics", "GET /api/registrations/{token}/qr.png",
            "POST /api/registrations/{token}/feedback", "GET /api/registrations/{token}/feedback",
            // The guest's UU PDP rights, by the same secret: export and erasure of the registration's data.
            "GET /api/registrations/{token}/export", "DELETE /api/registrations/{token}/personal-data",
            // Switching WhatsApp off for one registration: the manage token is the check (issue 18).
            "DELETE /api/registrations/{token}/whatsapp",
            // Meta's webhooks (issue 18): Meta calls them; the verify token and the body's signature are the check.
            "GET /api/webhooks/meta", "POST /api/webhooks/meta", "GET /api/webhooks/whatsapp", "POST /api/webhooks/whatsapp",
            // Tanya Perpustakaan (issue 19): anyone may ask; rate-limited per address; the answer holds nothing of others.
            "POST /api/assistant/questions",
            // The asker's conversation with a librarian: found only by its unguessable token, rate-limited per address.
            "GET /api/assistant/conversations/{token}", "POST /api/assistant/conversations/{token}/messages",
            "GET /api/assistant/conversations/{token}/stream",
            // Answering a published survey (issue 20): the survey's access decides (anyone, a manage link, a member);
            // rate-limited per address, a signed form token, a honeypot.
            "GET /api/surveys/{id}/form", "POST /api/surveys/{id}/responses");

    private static final List<String> ROLES = List.of("MEMBER", "REVIEWER", "STAFF", "ADMIN");

    private static World world;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void seed() {
        if (world == null) {
            world = World.seed(db);
        }
    }

    @Test
    void thePublicOperationsAreExactlyTheAllowList() {
        Set<String> found = new TreeSet<>();
        for (ApiDocument.Op op : ApiDocument.load().operations) {
            if (op.isPublic()) {
                found.add(op.name());
            }
        }
        assertEquals(new TreeSet<>(PUBLIC), found,
                "an operation became public (or stopped being): update AuthorizationMatrixTest.PUBLIC deliberately");
    }

    @Test
    void everyProtectedOperationDeniesAnonymousCallersAndOtherRoles() {
        ApiDocument doc = ApiDocument.load();
        Probe.Tables tables = new Probe.Tables(db);
        String forged = forge(world.token("ADMIN"));
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int checks = 0;
        for (ApiDocument.Op op : doc.operations) {
            Set<String> roles = op.roles();
            if (roles == null) {
                continue;
            }
            operations++;
            String path = world.realPath(op.path());
            byte[] body = world.exampleBody(op);
            String type = op.jsonContentType();
            if (body == null && !op.requestContent().isEmpty()) {
                type = op.requestContent().keySet().iterator().next();
                body = "variantId,impressions\n1,10\n".getBytes();
            }
            Map<String, String> before = tables.snapshot();
            List<String[]> callers = new ArrayList<>();
            callers.add(new String[] { "anonymous", null, "401" });
            callers.add(new String[] { "forged token", forged, "401" });
            for (String role : ROLES) {
                if (!roles.isEmpty() && !roles.contains(role)) {
                    callers.add(new String[] { role, world.token(role), "403" });
                }
            }
            for (String[] caller : callers) {
                Probe.Answer answer = Probe.send(op.method(), path, caller[1], type, body, Map.of(), 0);
                checks++;
                if (answer.status() != Integer.parseInt(caller[2]) || !answer.isProblem()) {
                    failures.add(op.name() + " as " + caller[0] + ": expected " + caller[2] + " problem, got "
                            + answer.status() + " " + answer.contentType() + " " + answer.shortBody());
                }
            }
            List<String> changed = Probe.Tables.changed(before, tables.snapshot());
            if (!changed.isEmpty()) {
                failures.add(op.name() + ": a denied call wrote " + changed);
            }
            if (op.method().equals("GET")) {
                for (String role : roles.isEmpty() ? ROLES : roles) {
                    Probe.Answer answer = Probe.send("GET", path, world.token(role), null, null, Map.of(), 0);
                    checks++;
                    if (answer.status() == 401 || answer.status() == 403) {
                        failures.add(op.name() + " as " + role + ": the document admits this role, the server said "
                                + answer.status());
                    }
                }
            }
        }
        System.out.printf("[authz] %d protected operations, %d checks%n", operations, checks);
        assertTrue(operations >= 50, "only " + operations + " protected operations in the document");
        assertEquals(List.of(), failures);
    }

    /** The token with its signature's last characters changed: well-formed, signed by no one. */
    private static String forge(String token) {
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        String flipped = new StringBuilder(signature).reverse().toString();
        return token.substring(0, dot + 1) + flipped;
    }

    // ---- IDOR: member A against member B ----

    @Test
    void aMemberCannotReadChangeOrDeleteAnotherMembersReadingLog() {
        String a = world.token("MEMBER_A");
        String logs = "/api/challenges/" + world.challengeId + "/logs/";
        String before = logRow(world.logB);
        Map<String, Object> edit = Map.of("title", "Diubah oleh orang lain", "author", "Penyusup", "pages", 999,
                "readOn", World.today().toString());
        given().auth().oauth2(a).contentType(ContentType.JSON).body(edit).put(logs + world.logB)
                .then().statusCode(anyOf(equalTo(403), equalTo(404))).contentType("application/problem+json");
        given().auth().oauth2(a).delete(logs + world.logB)
                .then().statusCode(anyOf(equalTo(403), equalTo(404))).contentType("application/problem+json");
        assertEquals(before, logRow(world.logB), "member B's log changed");
        List<Long> mine = given().auth().oauth2(a).get(logs + "mine").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertTrue(mine.contains(world.logA) && !mine.contains(world.logB), "A's logs: " + mine);
        // B's log under a challenge path B is in, with A's token, through the staff routes: denied by role.
        given().auth().oauth2(a).post(logs + world.logB + "/void").then().statusCode(403);
        assertEquals(before, logRow(world.logB));
    }

    @Test
    void aRegistrationOpensOnlyWithItsOwnSecret() {
        String statusB = registrationStatus(world.registrationB);
        String tampered = world.manageTokenB.substring(0, world.manageTokenB.length() - 1)
                + (world.manageTokenB.endsWith("A") ? "B" : "A");
        for (String guess : List.of(String.valueOf(world.registrationB), tampered, world.manageTokenB.toLowerCase())) {
            if (guess.equals(world.manageTokenB)) {
                continue;
            }
            given().get("/api/registrations/" + guess).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(world.token("MEMBER_A")).delete("/api/registrations/" + guess)
                    .then().statusCode(404).contentType("application/problem+json");
            given().contentType(ContentType.JSON).body(Map.of("rating", 1, "comment", "palsu"))
                    .post("/api/registrations/" + guess + "/feedback").then().statusCode(404);
            given().get("/api/registrations/" + guess + "/export").then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(world.token("MEMBER_A")).delete("/api/registrations/" + guess + "/personal-data")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        assertEquals(1L, Long.valueOf(id.serambi.support.Accounts.count(db,
                "SELECT count(*) FROM registration WHERE id = ? AND email = ?", world.registrationB,
                world.emails.get("MEMBER_B"))), "member B's personal data was erased by a guess");
        assertEquals(statusB, registrationStatus(world.registrationB), "member B's registration changed");
        // A's own page shows A, never B.
        String mine = given().get("/api/registrations/" + world.manageTokenA).then().statusCode(200).extract().asString();
        assertTrue(mine.contains(world.emails.get("MEMBER_A")), mine);
        assertFalse(mine.contains(world.emails.get("MEMBER_B")) || mine.contains(world.whatsappB), mine);
        // Staff routes address registrations by id; a member holding a JWT is refused them.
        given().auth().oauth2(world.token("MEMBER_A"))
                .post("/api/events/" + world.eventId + "/registrations/" + world.registrationB + "/check-in")
                .then().statusCode(403);
        assertEquals(statusB, registrationStatus(world.registrationB));
    }

    @Test
    void participationAndExportAreTheCallersOwn() {
        String a = world.token("MEMBER_A");
        String challenge = "/api/challenges/" + world.challengeId;
        given().auth().oauth2(a).get(challenge + "/me").then().statusCode(200).body("nickname", equalTo(world.nicknameA));
        given().auth().oauth2(a).contentType(ContentType.JSON).body(Map.of("hidden", true)).put(challenge + "/me/visibility")
                .then().statusCode(200).body("nickname", equalTo(world.nicknameA)).body("hidden", equalTo(true));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM participant WHERE user_id = ? AND hidden",
                world.userIds.get("MEMBER_A")));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE user_id = ? AND hidden",
                world.userIds.get("MEMBER_B")), "member B was hidden by member A");
        given().auth().oauth2(a).contentType(ContentType.JSON).body(Map.of("hidden", false)).put(challenge + "/me/visibility")
                .then().statusCode(200);

        String export = given().auth().oauth2(a).get("/api/me/export").then().statusCode(200).extract().asString();
        assertTrue(export.contains(world.emails.get("MEMBER_A")) && export.contains(world.nicknameA), export);
        for (String other : List.of(world.emails.get("MEMBER_B"), world.nicknameB, world.whatsappB, "Cantik Itu Luka " + world.tag,
                world.emails.get("MEMBER"))) {
            assertFalse(export.contains(other), "A's export holds someone else's data: " + other);
        }
    }

    @Test
    void aMemberCannotGiveThemselvesARole() {
        String a = world.token("MEMBER_A");
        long id = world.userIds.get("MEMBER_A");
        // An unknown field is ignored or refused, never applied.
        given().auth().oauth2(a).contentType(ContentType.JSON).body(Map.of("displayName", "Siti", "role", "ADMIN"))
                .patch("/api/me").then().statusCode(anyOf(equalTo(200), equalTo(400)));
        given().auth().oauth2(a).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
                .put("/api/users/" + id + "/role").then().statusCode(403);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE id = ? AND role = 'MEMBER'", id));
    }

    @Test
    void nobodyApprovesTheirOwnPost() {
        String admin = world.token("ADMIN");
        Map<String, Object> post = Map.of("contentType", "QUOTE", "body", "Buku adalah jendela dunia.",
                "mediaIds", List.of(world.mediaId()), "variants", List.of(Map.of("platform", "INSTAGRAM", "text", "Buku adalah jendela dunia.")));
        long id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(post).post("/api/posts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(admin).post("/api/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("note", "Sudah dicek."))
                .post("/api/posts/" + id + "/approve").then().statusCode(403).contentType("application/problem+json");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post WHERE id = ? AND status = 'IN_REVIEW'", id));
    }

    private String logRow(long id) {
        return Accounts.count(db, "SELECT count(*) FROM reading_log WHERE id = ?", id) + ":"
                + Accounts.count(db, "SELECT coalesce(sum(pages), -1) FROM reading_log WHERE id = ?", id) + ":"
                + Accounts.count(db, "SELECT count(*) FROM reading_log WHERE id = ? AND status = 'VALID'", id);
    }

    private String registrationStatus(long id) {
        return Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'", id)
                + ":" + Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ?", id);
    }
}
